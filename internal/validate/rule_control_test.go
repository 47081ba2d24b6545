package validate

import (
	"fmt"
	"testing"

	"github.com/cpp-plans/cpp/internal/planfile"
)

func TestControlCharacters(t *testing.T) {
	const head = "id: x\ntitle: T\ncouncil: C\nperiod: {start: 2025-01-01, end: 2026-12-31}\nsections: []\n"
	tests := []struct {
		name, src string
		want      []string // line:col of each warning
	}{
		{"clean", head + "source: plain text\n", nil},
		{"backslashes are text", head + `source: "C:\\plans\tfile"` + "\n", nil},
		{"escaped ESC", head + `source: "a\e[2K"` + "\n", []string{"6:9"}},
		{"raw bidi override, no backslash anywhere", head + "source: abc\u202edef\n", []string{"6:9"}},
		{"in a list", head + "links: [ok, \"x\\u202Ey\"]\n", []string{"6:13"}},
		{"after a byte-order mark", "\xef\xbb\xbf" + head + `owner: "\e"` + "\n", []string{"6:8"}},
	}
	for _, tt := range tests {
		for _, keep := range []bool{false, true} {
			f := planfile.Parse("x.yaml", []byte(tt.src), planfile.Options{KeepNodes: keep})
			var got []string
			for _, d := range ControlCharacters(NewRepo([]*planfile.File{f})) {
				got = append(got, fmt.Sprintf("%d:%d", d.Line, d.Col))
			}
			if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
				t.Errorf("%s (nodes kept: %v): warnings at %v, want %v", tt.name, keep, got, tt.want)
			}
		}
	}
}
