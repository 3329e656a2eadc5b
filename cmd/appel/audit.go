package main

import (
	"fmt"
	"strings"
	"time"

	"appel/model"
)

// runAudit lists the audit log: who changed what, when, from where, before and after.
func runAudit(c *cli, in input) error {
	from, to, login, limit, raw := in.str("from"), in.str("to"), in.str("login"), in.num("limit"), in.on("json") || in.str("format") == "json"
	return withOperator(c, func(svc *model.Service) error {
		q, err := auditQuery(svc, from, to, login, limit)
		if err != nil {
			return err
		}
		entries, err := svc.Audit(q)
		if err != nil {
			return err
		}
		loc := svc.Now().Location()
		for _, e := range entries {
			fmt.Fprintln(c.stdout, visibleColumns(auditLine(e, loc, raw)))
		}
		return nil
	})
}

func auditQuery(svc *model.Service, from, to, login string, limit int) (model.AuditQuery, error) {
	q := model.AuditQuery{Login: login, Limit: limit}
	loc := svc.Now().Location()
	if from != "" {
		d, err := model.ParseDate(from)
		if err != nil {
			return q, err
		}
		q.From = d.Time(0, loc)
	}
	if to != "" {
		d, err := model.ParseDate(to)
		if err != nil {
			return q, err
		}
		q.To = d.AddDays(1).Time(0, loc)
	}
	return q, nil
}

// auditLine is one entry on one line, tab-separated:
// time, login, session, address, verb, entity, key, before, after. Raw keeps
// the ISO time and the stored JSON (for scripts); otherwise a person reads
// French dates and, for a changed record, only what changed (readableChange).
func auditLine(e model.AuditEntry, loc *time.Location, raw bool) string {
	at, before, after := e.At.In(loc).Format("02/01/2006 15:04:05"), "", ""
	if raw {
		at, before, after = e.At.In(loc).Format("2006-01-02 15:04:05"), orDash(e.Before), orDash(e.After)
	} else {
		before, after = readableChange(e.Before, e.After, loc)
	}
	fields := []string{at, e.Login, e.Session, e.Addr, e.Verb, e.Entity, e.Key, before, after}
	for i, f := range fields {
		fields[i] = strings.ReplaceAll(f, "\t", " ")
	}
	return strings.Join(fields, "\t")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// visibleColumns writes, in a tab-separated line, every control or invisible
// character of its columns as a visible escape.
func visibleColumns(line string) string {
	cols := strings.Split(line, "\t")
	for i, c := range cols {
		cols[i] = model.Visible(c)
	}
	return strings.Join(cols, "\t")
}
