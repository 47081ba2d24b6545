package importer

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/cpp-plans/cpp/internal/lazyre"
	"github.com/cpp-plans/cpp/internal/plan"
	"github.com/cpp-plans/cpp/internal/words"
)

// reLeadSep splits a lead cell into leads: at ";", at a line break, and at "/" with a space on
// either side ("Virtual School / Health"). A "/" inside a word ("SEND/EHCP team") joins one
// lead's words, and a comma is part of a role ("Team Manager: CLA, CSST, Family Safeguarding").
var reLeadSep = lazyre.New(`\s*;\s*|\s*\n\s*|\s+/\s*|\s*/\s+`)

// splitLeads is a lead cell's leads, as written, without empties or repeats.
func splitLeads(cell string) []string {
	var out []string
	for _, p := range reLeadSep.Split(cell, -1) {
		p = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p), ",."))
		if p != "" && !words.ContainsFold(out, p) {
			out = append(out, p)
		}
	}
	return out
}

var (
	reEmail = lazyre.New(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	// A name's word: capitalised, with the hyphens and apostrophes of O'Brien and Smith-Jones,
	// or an initial ("J." or "J").
	reNameWord = lazyre.New(`^(?:\p{Lu}\p{Ll}*(?:['’-]\p{Lu}?\p{Ll}+)*|\p{Lu}\.)$`)
	// Where a role follows a name: "Jane Smith, Head of Service", "Jane Smith (Virtual School)".
	reNameEnd = lazyre.New(`\s*(?:[,(:–—]|\s-\s).*$`)
)

// honorifics come before a person's name.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true,
	"cllr": true, "councillor": true, "prof": true, "professor": true, "sir": true, "dame": true}

// teamWords are words that name a team, a service or a role rather than a person: a lead with one
// of them is not taken for a name.
var teamWords = wordSet(`team teams service services unit panel group groups forum board boards council
		councils committee school schools college colleges academy academies nhs police officer officers manager managers
		head heads director directors directorate lead leads leader leaders coordinator co-ordinator worker workers
		advisor adviser advisors advisers champion champions member members assistant principal chief executive
		commissioner commissioners commissioning nurse nurses doctor designated virtual independent reviewing family
		families community communities public mental health integrated employment skills training apprenticeships
		inclusion placements placement sufficiency resources finance performance quality assurance improvement
		practice development workforce learning transformation operations planning policy communications comms
		engagement voice rights advocacy housing homes home residential leisure culture library libraries sport
		network hub centre center office department division authority trust foundation agency provider providers
		partners partnership partnerships staff carers carer social care children children's childrens young people
		youth justice leaving leavers participation fostering adoption safeguarding early help strategy strategic
		corporate parenting education educational psychology psychologist therapy therapeutic clinical clinician
		services' all every parents parent kinship support supported commissioned regional local national
		manager's network's specialist specialists senior operational business analyst analysts data intelligence
		programme project projects portfolio cabinet mayor elected chair vice deputy governance legal hr
		volunteers volunteer sector vcs charity charities care-experienced experienced life chances children’s
		admissions attendance send sen camhs icb semh pa pas personal adviser personal advisers`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// personLike reports whether a lead reads as a person's name: an email address, or two to four
// capitalised words (after an optional honorific, before an optional role) none of which names a
// team, a service or a role, and none in capitals (CAMHS) or lower case (of, and). "Jane Smith",
// "Dr A. Patel" and "Jane Smith, Head of Service" are names; "Head of Virtual School", "Corporate
// Parenting" and "ICB" are not.
func personLike(lead string) bool {
	if reEmail.MatchString(lead) {
		return true
	}
	name := reNameEnd.ReplaceAllString(lead, "")
	words := strings.Fields(name)
	hon := len(words) > 0 && honorifics[strings.ToLower(strings.TrimSuffix(words[0], "."))]
	if hon {
		words = words[1:]
		if len(words) == 1 && reNameWord.MatchString(words[0]) && !teamWords[strings.ToLower(words[0])] {
			return true // "Cllr Jones"
		}
	}
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	initials := 0
	for _, w := range words {
		if !reNameWord.MatchString(w) || teamWords[strings.ToLower(w)] {
			return false
		}
		if len([]rune(strings.TrimSuffix(w, "."))) == 1 {
			initials++
		}
	}
	// "J. K." is not a name with a surname; the last word must be one.
	last := strings.TrimSuffix(words[len(words)-1], ".")
	return initials < len(words) && len([]rune(last)) > 1
}

// ragWord reads a RAG cell: a rating, or Blue (which some councils use for complete).
func ragWord(s string) (rag plan.RAG, blue, ok bool) {
	if r, ok := plan.ParseRAG(s); ok {
		return r, false, true
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "blue", "b", "complete", "completed":
		return "", true, true
	}
	// "Amber/Green", "Green - on track": the first word decides, when it is a rating.
	first := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(first) > 1 {
		if r, ok := plan.ParseRAG(first[0]); ok && len(first[0]) > 1 {
			return r, false, true
		}
	}
	return "", false, false
}

// fillRAG reads a cell's fill colour (six hex digits) as a rating, by its hue: red from 345° to
// 15°, amber (orange and yellow) from 15° to 70°, green from 75° to 165°; blue, from 190° to 250°,
// is reported as blue. A colour too grey (saturation under 25%), too dark (lightness under 15%)
// or too pale (over 92%) is no rating: white, black and the greys of a banded table.
func fillRAG(hex string) (rag plan.RAG, blue, ok bool) {
	if len(hex) != 6 {
		return "", false, false
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return "", false, false
	}
	r, g, b := float64(v>>16&0xff)/255, float64(v>>8&0xff)/255, float64(v&0xff)/255
	mx, mn := max(r, g, b), min(r, g, b)
	l := (mx + mn) / 2
	d := mx - mn
	if d == 0 || l < 0.15 || l > 0.92 {
		return "", false, false
	}
	s := d / (1 - abs(2*l-1))
	if s < 0.25 {
		return "", false, false
	}
	var h float64
	switch mx {
	case r:
		h = 60 * mod((g-b)/d, 6)
	case g:
		h = 60 * ((b-r)/d + 2)
	default:
		h = 60 * ((r-g)/d + 4)
	}
	switch {
	case h >= 345 || h < 15:
		return plan.Red, false, true
	case h < 70:
		return plan.Amber, false, true
	case h >= 75 && h < 165:
		return plan.Green, false, true
	case h >= 190 && h < 250:
		return "", true, true
	}
	return "", false, false
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func mod(x, m float64) float64 {
	for x < 0 {
		x += m
	}
	for x >= m {
		x -= m
	}
	return x
}

// reCode is a short code or officer's initials as lead cells list them: "AB", "EFG", "VS", "A.B."
var reCode = lazyre.New(`^(?:\p{Lu}\.?){2,5}$`)

// splitCodes splits a lead at its commas when every part is a short code or initials ("AB, CD,
// EFG"): several leads. A lead with no code in it ("Head of Service, Children in Care") stays one;
// one that mixes codes with words ("Team Manager: CLA, CSST, Family Safeguarding") stays one,
// and unsure is set so that the summary asks.
func splitCodes(lead string) (parts []string, unsure bool) {
	if !strings.Contains(lead, ",") {
		return []string{lead}, false
	}
	codes := 0
	var out []string
	for _, p := range strings.Split(lead, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if reCode.MatchString(p) {
			codes++
		}
		out = append(out, p)
	}
	switch {
	case codes == len(out):
		return out, false
	case codes > 0:
		return []string{lead}, true
	}
	return []string{lead}, false
}

// initials reports whether a lead is a person's initials ("AB", "EFG", "A.B."): two or three
// capitals that name no team cpp knows of (ICB, VS and the other acronyms of teamWords).
func initials(lead string) bool {
	letters := strings.ReplaceAll(lead, ".", "")
	n := len([]rune(letters))
	return reCode.MatchString(lead) && n >= 2 && n <= 3 && !teamWords[strings.ToLower(letters)] && !acronyms[letters]
}

// acronyms are the short team names plans write in capitals, which are not anyone's initials.
var acronyms = wordSet(`VS IRO IROS YOS YJS CIC CLA CSC LAC SW PA PAS ICB NHS GP HR DfE DWP CCG CYP SEN ADCS CAMHS SEND SENCO EHCP UASC CSE CME PEP DSL`)
