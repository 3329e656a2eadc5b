package main

import "io"

func runLogins(args []string, out io.Writer) error     { return nil }
func runCrash(args []string, out io.Writer) error      { return nil }
func runDisconnect(args []string, out io.Writer) error { return nil }
func runSoak(args []string, out io.Writer) error       { return nil }
