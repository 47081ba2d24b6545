// Package yaml11 says which plain (unquoted) YAML scalars a YAML 1.1 reader takes for something
// other than text. cpp reads plans as YAML 1.2 (yaml.v3), where "yes", "0777" and "1:30" are
// text; PyYAML, Ruby's Psych and many editors' plugins read YAML 1.1, where they are true, 511
// and 90. A value cpp writes as text is quoted when either reading would differ, so that every
// reader reads back the string that was written.
package yaml11

import "github.com/cpp-plans/cpp/internal/lazyre"

// The implicit types of YAML 1.1 (yaml.org/type), as PyYAML's resolver writes them, and the
// spec's single-letter booleans, which PyYAML leaves out but other 1.1 readers follow.
var (
	reBool  = lazyre.New(`^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)
	reInt   = lazyre.New(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	reFloat = lazyre.New(`^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	reNull  = lazyre.New(`^(?:~|null|Null|NULL)$`)
	reTime  = lazyre.New(`^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$`)
)

// NotText reports whether s, written plain, is read by a YAML 1.1 reader as something other than
// the text s: a bool, an int (octal 0777, hex 0x1F, sexagesimal 1:30, 1_000), a float (.5,
// 1:30.5; and 1e3, a number to YAML 1.2 though PyYAML wants 1.0e+3), null, a timestamp, or the
// merge (<<) and value (=) keys.
func NotText(s string) bool {
	switch s {
	case "", "<<", "=":
		return true
	}
	return reBool.MatchString(s) || reNull.MatchString(s) || reInt.MatchString(s) ||
		reFloat.MatchString(s) || reTime.MatchString(s)
}
