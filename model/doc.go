// Package model holds appel's domain: the school and its calendar, divisions,
// groups and pupils, accounts and roles, courses and the séances expanded from
// them, roll-call marks, motives and justifications, announced absences, the
// counting rules, the access policy and the Store interfaces that storage
// implements.
//
// It imports the standard library only and performs no I/O: every function is
// a pure function of its arguments (the clock is always passed in).
package model
