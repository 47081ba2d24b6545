package readability

import (
	"regexp"
	"sync"
)

// jargonWord is a word (and its endings) or a phrase, with plainer words to use.
type jargonWord struct {
	re      *regexp.Regexp
	instead string
}

// jargonList is cpp's own list of words and phrases that official plans use and young readers
// stumble on, with plainer ones. It follows the GOV.UK style guide's advice on plain English
// (use the words people use; avoid "facilitate", "deliver", "robust", "key", "stakeholder",
// "going forward", "in order to", "utilise") and adds words from corporate parenting plans
// ("cohort", "sufficiency", "co-produce", "multi-agency"). Words that are also what a young
// person in care calls something ("fostering", "placement", "care leaver") are not on it.
// The list is compiled on first use: most cpp runs never ask.
var jargonList = sync.OnceValue(func() []jargonWord { return compileJargon(jargonPairs) })

var jargonPairs = [][2]string{
	{"facilitat(e|es|ed|ing|ion)", `"help", "run" or "make it easier"`},
	{"utilis(e|es|ed|ing|ation)|utiliz(e|es|ed|ing|ation)", `"use"`},
	{"robust(ly)?", `"strong", "careful" or "good"`},
	{"key", `"main" or "important" (unless it opens a door)`},
	{"deliver(s|ed|ing|y)?", `"do", "give", "run" or "make"`},
	{"stakeholders?", `"people who work with you" or name them`},
	{"going forward", `"from now on", or leave it out`},
	{"in order to", `"to"`},
	{"ensur(e|es|ed|ing)", `"make sure"`},
	{"implement(s|ed|ing|ation)?", `"do", "start" or "carry out"`},
	{"holistic(ally)?", `"whole" or "all of your needs"`},
	{"commenc(e|es|ed|ing|ement)", `"start"`},
	{"endeavou?r(s|ed|ing)?", `"try"`},
	{"prioritis(e|es|ed|ing)|prioritiz(e|es|ed|ing)", `"put first"`},
	{"cohorts?", `"group"`},
	{"co-produc(e|es|ed|ing|tion)|coproduc(e|es|ed|ing|tion)", `"make together with you"`},
	{"embed(s|ded|ding)?", `"make part of" or "build in"`},
	{"enhanc(e|es|ed|ing|ement)", `"improve" or "make better"`},
	{"mechanisms?", `"way"`},
	{"optimis(e|es|ed|ing)|optimiz(e|es|ed|ing)", `"make the best of"`},
	{"leverag(e|es|ed|ing)", `"use"`},
	{"liais(e|es|ed|ing)|liaison", `"work with" or "talk to"`},
	{"collaborat(e|es|ed|ing|ion|ive|ively)", `"work with" or "work together"`},
	{"empower(s|ed|ing|ment)?", `"help you to" or "give you a say"`},
	{"overarching", `"main"`},
	{"streamlin(e|es|ed|ing)", `"make simpler"`},
	{"tackl(e|es|ed|ing)", `"deal with" or "stop"`},
	{"transform(s|ed|ing|ation|ational)?", `"change" or "improve"`},
	{"additional(ly)?", `"more" or "extra"`},
	{"approximately", `"about"`},
	{"assist(s|ed|ing|ance)?", `"help"`},
	{"in relation to", `"about"`},
	{"provision", `"support", "services" or "what we offer"`},
	{"sufficiency", `"having enough homes (or places)"`},
	{"signpost(s|ed|ing)?", `"tell you about" or "point you to"`},
	{"wrap-?around", `"all-round"`},
	{"aspirations?", `"hopes" or "goals"`},
	{"multi-agency", `"different services working together"`},
	{"statutory", `"by law" or "that the law says we must"`},
	{"outcomes?", `"what changes for you" or "results"`},
	{"monitor(s|ed|ing)?", `"check" or "keep an eye on"`},
	{"partnership working|work(ing)? in partnership", `"working together"`},
	{"strategic(ally)?", `leave it out, or say what the plan is for`},
	{"initiatives?", `"plan", "project" or "idea"`},
	{"framework", `"plan" or "set of rules"`},
	{"pathways?", `"plan" or "way"`},
	{"commissioned|commissioning|commission", `"pay for", "buy" or "set up"`},
	{"disseminat(e|es|ed|ing|ion)", `"share" or "tell"`},
	{"objectives?", `"aim" or "goal"`},
	{"consult(s|ed|ing|ation)?", `"ask" or "talk to"`},
}

func compileJargon(pairs [][2]string) []jargonWord {
	out := make([]jargonWord, 0, len(pairs))
	seen := map[string]bool{}
	for _, p := range pairs {
		if seen[p[0]] {
			continue
		}
		seen[p[0]] = true
		// Whole words only: "key" is not in "monkey"; "deliver" is not in "delivery driver" either way.
		out = append(out, jargonWord{re: regexp.MustCompile(`(?i)\b(?:` + p[0] + `)\b`), instead: p[1]})
	}
	return out
}
