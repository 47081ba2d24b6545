package yaml11

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

var cases = []string{
	"yes", "No", "ON", "off", "y", "N", "true", "False", "null", "~", "Null", "<<", "=", "",
	"0777", "0x1F", "0b101", "1:30", "190:20:30", "1_000", "+12", "-0", "1e3", "1.5e3", "6.8523015e+5",
	".5", "1.", "1:30.5", ".inf", "-.Inf", ".NaN", "2025-10-01", "2025-1-1 10:00:00", "2025-10-01T09:00:00Z",
	// Text to every reader.
	"Q3 2025", "September 2025", "2025-2028", "2025/26", "yes please", "0x", "1:3x", "12:60", "08:00 meeting",
	"ok", "nope", "~x", "1,000", "v1.2", "1.2.3", "e3", "0o17", "Done.", "45930", "4.", "NaNa",
}

// TestNotTextAsPyYAMLReads checks the rules against PyYAML itself, where it is installed: every
// value PyYAML reads as other than the same string is NotText; so are y and n (the 1.1 spec's
// booleans, which PyYAML does not follow) and 1e3 (a number to YAML 1.2).
func TestNotTextAsPyYAMLReads(t *testing.T) {
	if err := exec.Command("python3", "-c", "import yaml").Run(); err != nil {
		if os.Getenv("CPP_REQUIRE_PYYAML") == "1" {
			t.Fatal("PyYAML is needed (CPP_REQUIRE_PYYAML=1): apt-get install python3-yaml")
		}
		t.Skip("no PyYAML here (python3 -c 'import yaml' failed): apt-get install python3-yaml to run this")
	}
	in, _ := json.Marshal(cases)
	cmd := exec.Command("python3", "-c", `
import json, sys, yaml
for s in json.load(sys.stdin):
    try:
        v = yaml.safe_load("k: " + s + "\n")["k"] if s not in ("<<", "=") else None
        print(json.dumps(isinstance(v, str) and v == s))
    except Exception:
        print("false")
`)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(out))
	for i, s := range cases {
		text := lines[i] == "true"
		switch s {
		case "y", "N": // the 1.1 spec's booleans, which PyYAML does not follow
			text = false
		case "1e3", "1.5e3": // numbers to YAML 1.2 (and cpp's own reader), text to PyYAML
			text = false
		}
		if NotText(s) == text {
			t.Errorf("NotText(%q) = %v, but PyYAML reads it as text: %v", s, NotText(s), text)
		}
	}
}
