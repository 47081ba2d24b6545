package tabular

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// numberFormat is the part of a number format an action table needs: the decimals, the thousands
// separator, a percentage, and the text around the number ("£", " days"). Formats beyond that
// (fractions, scientific, a section per sign) show the number as General does.
//
// excelize would apply the format itself, but its date and locale handling costs a quarter of a
// millisecond a cell, most of the time a 1,000-row plan takes to read; dates are written here
// anyway (see dateLayout).
type numberFormat struct {
	general, text, percent, thousands bool
	decimals, zeros                   int // zeros: the least digits before the point ("000")
	prefix, suffix                    string
}

// builtinFormats are the built-in number formats that are not General or dates, by id. The
// currency ones (5 to 8) depend on the locale and show as General.
var builtinFormats = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
	37: "#,##0", 38: "#,##0", 39: "#,##0.00", 40: "#,##0.00", 49: "@",
}

func parseNumberFormat(code string) numberFormat {
	var (
		f                   numberFormat
		digits, point, done bool
		lit                 strings.Builder
	)
	general := numberFormat{general: true}
	literal := func(s string) {
		if !digits {
			f.prefix += s
		} else {
			lit.WriteString(s)
		}
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == ';':
			i = len(code)
		case c == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return general
			}
			literal(code[i+1 : i+1+j])
			i += j + 1
		case c == '\\' && i+1 < len(code):
			literal(code[i+1 : i+2])
			i++
		case c == '_' && i+1 < len(code):
			literal(" ")
			i++
		case c == '*' && i+1 < len(code):
			i++
		case c == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return general
			}
			if sym, ok := strings.CutPrefix(code[i+1:i+j], "$"); ok { // [$£-809]: a currency
				sym, _, _ = strings.Cut(sym, "-")
				literal(sym)
			}
			i += j
		case c == '0' || c == '#' || c == '?':
			if done {
				return general // digits after text after digits: a fraction or a phone number
			}
			digits = true
			if point {
				f.decimals++
			} else if c == '0' {
				f.zeros++
			}
		case c == '.' && (digits || i+1 < len(code) && strings.IndexByte("0#?", code[i+1]) >= 0):
			digits, point = true, true
		case c == ',' && digits:
			f.thousands = f.thousands || i+1 < len(code) && strings.IndexByte("0#?", code[i+1]) >= 0
		case c == '@':
			return numberFormat{text: true}
		case c == 'E' || c == 'e' || c == '/':
			return general
		case c == '%':
			f.percent = true
			literal("%")
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			return general // "General", or letters a format cannot show as text unquoted
		default:
			_, size := utf8.DecodeRuneInString(code[i:])
			literal(code[i : i+size])
			i += size - 1
		}
		if digits && lit.Len() > 0 {
			done = true
		}
	}
	if !digits {
		return general
	}
	f.suffix = lit.String()
	return f
}

// format writes a stored number as the format shows it.
func (f numberFormat) format(raw string) string {
	v, err := strconv.ParseFloat(raw, 64)
	if f.text || err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return raw
	}
	if f.general {
		return generalNumber(v)
	}
	if f.percent {
		v *= 100
	}
	s := roundHalfUp(math.Abs(v), f.decimals)
	if whole, _, _ := strings.Cut(s, "."); len(whole) < f.zeros {
		s = strings.Repeat("0", f.zeros-len(whole)) + s
	} else if whole == "0" && f.zeros == 0 {
		s = s[1:] // "#.00" shows 0.5 as .50
	}
	if f.thousands {
		whole, frac, _ := strings.Cut(s, ".")
		var b strings.Builder
		for i, d := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(d)
		}
		if frac != "" {
			b.WriteString("." + frac)
		}
		s = b.String()
	}
	sign := ""
	if v < 0 && strings.Trim(s, "0.,") != "" {
		sign = "-"
	}
	return sign + f.prefix + s + f.suffix
}

// roundHalfUp writes v (not negative) with d decimals, rounding half away from zero as Excel
// does, on the number's 15 significant digits: 2.675 to two decimals is 2.68, though as a
// float it is 2.67499999….
func roundHalfUp(v float64, d int) string {
	digits := strconv.FormatFloat(v, 'e', 14, 64) // d.dddddddddddddde±x
	mant, exp, _ := strings.Cut(digits, "e")
	e, _ := strconv.Atoi(exp)
	mant = strings.Replace(mant, ".", "", 1) // 15 digits, the point after the first
	// keep is how many of the digits come before the cut: the whole part and d decimals.
	keep := e + 1 + d
	if keep < 0 {
		return strconv.FormatFloat(0, 'f', d, 64)
	}
	n := new(big.Int)
	if keep < len(mant) {
		n.SetString(mant[:keep], 10)
		if mant[keep] >= '5' {
			n.Add(n, big.NewInt(1))
		}
	} else {
		n.SetString(mant+strings.Repeat("0", keep-len(mant)), 10)
	}
	s := n.String()
	if len(s) <= d {
		s = strings.Repeat("0", d-len(s)+1) + s
	}
	if d == 0 {
		return s
	}
	return s[:len(s)-d] + "." + s[len(s)-d:]
}

// generalNumber is a number as Excel's General format shows it: no more than 15 significant
// digits (0.1+0.2 is 0.3), and very large or small numbers in E notation.
func generalNumber(v float64) string {
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if a := math.Abs(v); a != 0 && (a >= 1e11 || a < 1e-9) {
		return strings.ToUpper(strconv.FormatFloat(v, 'g', 6, 64))
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
