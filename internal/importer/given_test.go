package importer

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cpp-plans/cpp/internal/deadline"
)

// What import is given is checked before any table is read, each problem naming its flag with
// how to give it; what passes becomes the importer's options.
func TestGivenOptions(t *testing.T) {
	today := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)
	ok := Given{File: "plan.csv", ID: "riverside-ap", Title: " Action Plan ", Council: "Riverside Council", Quarters: deadline.Financial}
	o, err := ok.Options(today)
	if err != nil || o.Title != "Action Plan" || o.Quarters != deadline.Financial || !o.Today.Equal(today) || !o.Period.Start.IsZero() {
		t.Fatalf("%+v, %v", o, err)
	}
	withPeriod := ok
	withPeriod.Period = "2025-2028"
	if o, err := withPeriod.Options(today); err != nil || o.Period.Start.IsZero() || o.Period.End.Year() < 2028 {
		t.Errorf("period: %+v, %v", o.Period, err)
	}
	dir := t.TempDir()
	mapFile := filepath.Join(dir, "columns.yaml")
	if err := os.WriteFile(mapFile, []byte("columns:\n  \"By when?\": deadline\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	withMap := ok
	withMap.MapFile = mapFile
	if o, err := withMap.Options(today); err != nil || o.Map == nil || len(o.Map.Columns) != 1 {
		t.Errorf("map: %+v, %v", o.Map, err)
	}
	for _, tt := range []struct {
		change func(*Given)
		want   string
	}{
		{func(g *Given) { g.ID = "" }, "cpp import needs --id"},
		{func(g *Given) { g.Council = "  " }, "cpp import needs --council"},
		{func(g *Given) { g.Title = "two\nlines" }, `invalid --title "two\nlines"`},
		{func(g *Given) { g.ID = "Riverside" }, `invalid --id "Riverside"`},
		{func(g *Given) { g.Period = "soon" }, `invalid --period "soon"`},
		{func(g *Given) { g.MapFile = filepath.Join(dir, "none.yaml") }, "cannot read --map " + filepath.Join(dir, "none.yaml") + ": cannot read it: "},
	} {
		g := ok
		tt.change(&g)
		_, err := g.Options(today)
		var ue *UsageError
		if !errors.As(err, &ue) || ue.Hint == "" || len(ue.Message) < len(tt.want) || ue.Message[:len(tt.want)] != tt.want {
			t.Errorf("got %v, want %q with a hint", err, tt.want)
		}
	}
}
