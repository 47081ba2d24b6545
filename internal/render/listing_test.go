package render

import "testing"

// A listing's workbook is titled and named by its Book when it has one, else by its Doc.
func TestListingWorkbook(t *testing.T) {
	doc := Doc{Title: "3 actions", Sheet: "Actions"}
	book := Doc{Title: "Leads as of 1 Oct 2025", Sheet: "Leads"}
	for _, tt := range []struct {
		l    Listing
		want Doc
	}{
		{Listing{Doc: doc}, doc},
		{Listing{Doc: doc, Book: book}, book},
		{Listing{Doc: doc, Book: Doc{Title: "no sheet"}}, doc},
	} {
		if got := tt.l.Workbook(); got.Title != tt.want.Title || got.Sheet != tt.want.Sheet {
			t.Errorf("%+v: workbook %q/%q, want %q/%q", tt.l, got.Title, got.Sheet, tt.want.Title, tt.want.Sheet)
		}
	}
}
