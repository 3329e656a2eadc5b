package model_test

import (
	"fmt"
	"testing"

	"appel/model/modeltest"
)

func TestZZScratch(t *testing.T) {
	now := modeltest.At(modeltest.Monday, 10, 15)
	db := demoStore(t, now)
	dir, _ := db.Directory()
	ps := dir.FindPupils("morel samuel", 0)
	p := ps[0]
	fmt.Println(p.ID, p.FullName(), p.Division, p.Groups)
	for _, se := range dir.PupilSeances(p, modeltest.Monday, modeltest.Monday.AddDays(4)) {
		fmt.Println(se.Date, se.TimeRange(), se.HalfDay, se.Target.Code, se.Subject, se.Cancelled)
	}
	ps = dir.FindPupils("kaya arthur", 0)
	fmt.Println(ps[0].ID)
}
