// Package model holds appel's domain: the school and its calendar, divisions,
// groups and pupils, accounts and roles, courses and the séances expanded from
// them, roll-call marks, motives and justifications, announced absences, the
// counting rules, the access policy and the Store interfaces that storage
// implements.
//
// It imports the standard library only and performs no I/O: every function is
// a pure function of its arguments (the clock is always passed in).
//
// # Time: what counts, and when
//
// A séance counts — as an absence, in hours, in half-days, towards the
// monthly report threshold, in the exports and in the letters to families —
// only once it has begun at the clock (Seance.Begun: its start is at or
// before the clock). Until then whatever is recorded in it counts for
// nothing: an attendance read at a clock before its séance is Upcoming, and
// its effect is EffectUpcoming.
//
// An absence announced by the family (Notice) is a promise about séances to
// come: it becomes an absence séance by séance, as each begins. A Monday to
// Friday announcement read on Monday at 10:15 makes the 08:00, 08:55 and
// 10:05 séances absences (one half-day); the afternoon counts once its first
// séance has begun, Friday's once Friday's have. Under the counting method
// "toutes" a half-day is decided only once its last séance has begun.
//
// A motive key acts on begun séances only: the séances to come keep the
// announced absence's motive (edit the announced absence to change it).
//
// # One computation for every figure
//
// FiguresAt is the only function that counts: statistics, the ministry's
// table, the threshold list, the dashboard, the pupil's file, the planning
// grids, the desk, the previews, the exports and the family letters read a
// pupil's figures over a range at a clock from it (Service.PupilFigures for
// one pupil, Service.SchoolFigures for every pupil), and only format them. PupilFigures.Absences lists the
// half-days behind the figures (date, séances, state) for letters.
//
// # Acting on what was shown
//
// A user's action on a selection (ApplyMotive, Requalify, SetValidity)
// names each record as the screen showed it (Shown). In its write
// transaction each record is read again: one that someone changed since is
// left as stored and reported (BulkOutcome.Changed); a motive already given
// is replaced only when the user said so (MotiveRequest.Replace, asked
// first from Replaced). EditNotice does the same for an announced absence.
package model
