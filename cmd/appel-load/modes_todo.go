package main

import "io"

func runSoak(args []string, out io.Writer) error { return nil }
