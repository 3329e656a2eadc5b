package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"appel/model"
)

// runAudit lists the audit log: who changed what, when, from where, before and after.
func runAudit(c *cli, args []string) error {
	var from, to, login string
	var limit int
	rest, err := c.parseGlobal("audit", args, func(fs *flag.FlagSet) {
		fs.StringVar(&from, "from", "", "premier jour (2026-11-23)")
		fs.StringVar(&to, "to", "", "dernier jour")
		fs.StringVar(&login, "login", "", "seulement ce compte")
		fs.IntVar(&limit, "limit", 0, "au plus N entrées (les plus récentes)")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("appel audit [--from DATE] [--to DATE] [--login LOGIN] [--limit N]")
	}
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
			fmt.Fprintln(c.stdout, visibleColumns(auditLine(e, loc)))
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
// time, login, session, address, verb, entity, key, before, after.
func auditLine(e model.AuditEntry, loc *time.Location) string {
	fields := []string{e.At.In(loc).Format("2006-01-02 15:04:05"), e.Login, e.Session, e.Addr, e.Verb, e.Entity, e.Key, orDash(e.Before), orDash(e.After)}
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
