package scaffold

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cpp-plans/cpp/internal/deadline"
	"github.com/cpp-plans/cpp/internal/schema"
	"github.com/cpp-plans/cpp/internal/yaml11"
)

// Options say whose plan repository to make.
type Options struct {
	Council  string
	Quarters deadline.Convention
	Today    time.Time
	// Rev is the cpp release (v1.2.3) that the workflow installs and the pre-commit hooks run:
	// the one making the repository. "" for a development build, which pins nothing: the
	// workflow installs the latest release and pre-commit runs the cpp on the PATH.
	Rev string
}

// File is one file of a new plan repository, its path relative to the repository's root, with /.
type File struct {
	Path  string
	Data  []byte
	About string // what it is, for the list cpp init prints
}

// SchemaPath is where a plan repository keeps the schema its plan files name.
const SchemaPath = ".cpp/plan.schema.json"

// Repo is every file of a new plan repository, in the order they are listed to the user: a
// starter plan that validates and teaches the format, a lead registry for its leads, the
// schema both name for editors, CI, pre-commit, line endings and a README of the quarterly cycle.
func Repo(o Options) []File {
	id := Slug(o.Council) + "-cp"
	planPath := "plans/" + id + ".yaml"
	return []File{
		{planPath, []byte(starterPlan(o, id)), "the starter plan: a priority with its promise, a measure and an action"},
		{"plans/leads.yaml", []byte(leadRegistry), "the lead registry"},
		{"plans/.gitignore", []byte(PlansGitignore), "git: leave out cpp's lock and temporary files"},
		{SchemaPath, schema.Schema(), "the plan file format, for editors (cpp schema)"},
		{".vscode/settings.json", []byte(vscodeSettings), "VS Code: that schema for every plan file"},
		{ConfigPath, []byte(repoConfig(o)), "settings: the council, its quarters, report and import defaults"},
		{schema.ConfigSchemaPath, schema.ConfigSchema(), "the settings' format, for editors (cpp schema --config)"},
		{".github/workflows/plans.yml", []byte(WorkflowFor(o.Rev)), "CI: cpp validate on every push, cpp diff on pull requests"},
		{".pre-commit-config.yaml", []byte(preCommitConfig(o.Rev)), "pre-commit: cpp validate and cpp fmt --check before each commit"},
		{".gitattributes", []byte(gitattributes), "LF line endings for plan files"},
		{"README.md", []byte(readme(o, id, planPath)), "the quarterly cycle, with the commands for each step"},
	}
}

var (
	reNonSlug = regexp.MustCompile(`[^a-z0-9]+`)
	rePlain   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 ,.'()&/-]*$`)
	// Words that name what kind of council it is rather than which: "London Borough of Camden"
	// and "Camden Council" are both camden.
	councilWords = map[string]bool{"london": true, "royal": true, "borough": true, "city": true, "county": true,
		"metropolitan": true, "district": true, "council": true, "of": true, "the": true, "and": true}
)

// Slug makes a plan id's first part from a council's name: lower case, words joined by '-',
// without the words every council's name has. A name with no letters a-z or digits gives "plan".
func Slug(council string) string {
	words := strings.Fields(reNonSlug.ReplaceAllString(strings.ToLower(council), " "))
	var kept []string
	for _, w := range words {
		if !councilWords[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		kept = words
	}
	if len(kept) == 0 {
		return "plan"
	}
	return strings.Join(kept, "-")
}

// yamlText quotes a value for a YAML plain scalar when it needs it: a council named
// "St Helens: Borough" must not turn into a mapping.
func yamlText(s string) string {
	var n yaml.Node
	// "null" or "true" written plain would be read by cpp as something other than the name, and
	// "Yes" by a YAML 1.1 reader (yaml11).
	if rePlain.MatchString(s) && !yaml11.NotText(s) && yaml.Unmarshal([]byte(s), &n) == nil && len(n.Content) == 1 && n.Content[0].Tag == "!!str" {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// planPeriod is three years from the start of the year today falls in, in the convention.
func planPeriod(o Options) (start, end time.Time) {
	y := o.Today.Year()
	start = time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
	if o.Quarters == deadline.Financial {
		if o.Today.Month() < time.April {
			y--
		}
		start = time.Date(y, time.April, 1, 0, 0, 0, 0, time.UTC)
	}
	return start, start.AddDate(3, 0, -1)
}

func starterPlan(o Options, id string) string {
	start, end := planPeriod(o)
	quarter := deadline.QuarterContaining(o.Today, o.Quarters).Text
	years := fmt.Sprintf("%d-%d", start.Year(), end.Year())
	return fmt.Sprintf(`%[1]s
#
# %[2]s's corporate parenting plan, as data.
# cpp init wrote this starter plan to show the format: keep its shape, put your plan's own words
# in it, and run cpp validate after each change.
# cpp help file-format (https://github.com/cpp-plans/cpp/blob/main/docs/file-format.md) lists every key.

# The plan's id is unique across the repository: lower-case letters, digits, '-' and '.'.
id: %[3]s
title: Corporate Parenting Plan %[4]s
council: %[5]s
# The dates the plan covers, written YYYY-MM-DD.
period: {start: %[6]s, end: %[7]s}
owner: Corporate Parenting Board
# How a deadline such as "Q3 2025" is read: calendar (January to March is Q1) or financial
# (April to June is Q1, and the year is the one the financial year starts in).
quarters: %[9]s
source: Corporate Parenting Strategy %[4]s

sections:
  # A section is a priority, a pledge, a promise, a cohort or a workstream: kind says which.
  - id: %[3]s.p1
    kind: priority
    title: "Priority 1: a home where you feel you belong"
    # The promise made to children in care and care leavers, in the plan's own words.
    promise: We will find you a home near the people who matter to you.
    # Success measures: how we will know. direction says whether higher or lower is better;
    # figures come in as observations (cpp update %[3]s.p1.m1 --value 74 --date ...).
    measures:
      - id: %[3]s.p1.m1
        text: Children in care living within 20 miles of home
        unit: "%%"
        direction: higher
        target: {value: 80, date: %[7]s}
    actions:
      # What will be done, by when (as the plan writes it: Q3 2025, September 2025, 2026-03-31,
      # Ongoing, quarterly) and which teams lead it. Leads are teams or roles, never people,
      # and each is in plans/leads.yaml.
      - id: %[3]s.p1.1
        text: Agree this plan with the Corporate Parenting Board.
        deadline: %[8]s
        leads: [Corporate Parenting]
        # not-started, in-progress, complete or dropped. A RAG rating (rag: green, amber or
        # red) says how much delivery is at risk. Progress goes in dated updates:
        # cpp update %[3]s.p1.1 --status in-progress --note "..."
        status: not-started
`, schema.Modeline("../"+SchemaPath), o.Council, id, years, yamlText(o.Council),
		start.Format("2006-01-02"), end.Format("2006-01-02"), quarter, o.Quarters)
}

var leadRegistry = schema.Modeline("../"+SchemaPath) + `
#
# The lead registry: every team or role a plan names as a lead, by its canonical name, with the
# other ways plans spell it (aliases), so that cpp leads, --lead and the board report count each
# team once however it is written. Teams and roles only, never people's names.
leads:
  - name: Corporate Parenting
    aliases: [Corporate Parenting Team]
  - name: Virtual School
  # A team that serves several councils (an NHS board) is one team whichever council names it.
  - name: Integrated Care Board
    aliases: [ICB]
    shared: true
`

// vscodeSettings wires the schema to plan files added later (by hand or by import), which
// carry no modeline.
const vscodeSettings = `{
  "yaml.schemas": {
    "./` + SchemaPath + `": ["plans/*.yaml", "plans/*.yml"],
    "./` + schema.ConfigSchemaPath + `": ["` + ConfigPath + `"]
  }
}
`

// ConfigPath is the repository's settings file (package config reads it).
const ConfigPath = "cpp.yaml"

// repoConfig is the cpp.yaml cpp init writes: what init was told, cpp's defaults written out so
// that they can be changed, and the rest in comments.
func repoConfig(o Options) string {
	return fmt.Sprintf(`%s
#
# Settings for cpp in this repository. Every key is optional, and a flag given on the command
# line wins over the setting. cpp validate checks this file.

# cpp import's --council when it is not given.
council: %s
# How "Q3 2025" is read: calendar (January to March is Q1) or financial (April to June is Q1).
# cpp import writes it into the plans it makes; cpp report --period and cpp returns --quarter
# read a quarter such as Q3-2025 in it.
quarters: %s

# The board report (cpp report).
report:
  # title: Corporate Parenting Board report
  # An exception whose latest note is older than this many days is flagged as stale.
  stale_days: 90
  # How far from its target, as a fraction, a measure may be and still be green.
  tolerance: 0.1

# cpp import: a file naming the field of each column of your action tables (--map).
# import:
#   map: columns.yaml
`, schema.Modeline(schema.ConfigSchemaPath), yamlText(o.Council), o.Quarters)
}

// preCommitConfig runs this repository's hooks at release rev; a development build, which is no
// release, runs the cpp on the PATH instead and says so.
func preCommitConfig(rev string) string {
	head := `# pre-commit (https://pre-commit.com) checks the plan files before each commit:
# pip install pre-commit && pre-commit install
`
	if rev != "" {
		return head + `repos:
  - repo: https://github.com/cpp-plans/cpp
    rev: ` + rev + `
    hooks:
      - id: cpp-validate
      - id: cpp-fmt
`
	}
	return head + `# A development build of cpp wrote this file, so it pins no release: the hooks run the cpp on
# your PATH. To pin one, replace this repo with:
#   - repo: https://github.com/cpp-plans/cpp
#     rev: v1.2.0
#     hooks: [{id: cpp-validate}, {id: cpp-fmt}]
repos:
  - repo: local
    hooks:
      - id: cpp-validate
        name: cpp validate
        entry: cpp validate
        language: system
        files: ^plans/.*\.ya?ml$
      - id: cpp-fmt
        name: cpp fmt --check
        entry: cpp fmt --check
        language: system
        files: ^plans/.*\.ya?ml$
`
}

// PlansGitignore keeps what cpp leaves in plans/ for a moment out of git add -A: the lock a
// writer holds (.cpp.lock) and the temporary file a write goes to before its rename
// (.NAME.cpp-*), which only kill -9 can leave behind. It is in plans/, where cpp writes plans,
// rather than at the top, where a repository cpp init is run in may have a .gitignore already
// (and cpp init never overwrites).
const PlansGitignore = `# cpp's lock and temporary files: there only while cpp writes a plan.
.cpp.lock
.*.cpp-*
`

const gitattributes = `# LF line endings on every machine, so that a diff shows only what changed (cpp fmt --check
# reports CRLF in a plan file).
*.yaml text eol=lf
*.yml text eol=lf
*.json text eol=lf
*.md text eol=lf
`

func readme(o Options, id, planPath string) string {
	quarters := "calendar: Q1 is January to March"
	if o.Quarters == deadline.Financial {
		quarters = "financial: Q1 is April to June"
	}
	return fmt.Sprintf(`# %s corporate parenting plans

%s's corporate parenting plans, kept as YAML files in git and checked, queried and reported on by
[cpp](https://github.com/cpp-plans/cpp).

| file | what it holds |
|---|---|
| `+"`%s`"+` | the plan: its priorities, promises, actions, deadlines, leads and measures |
| `+"`plans/leads.yaml`"+` | the lead registry: each team's name and the other ways plans spell it |
| `+"`%s`"+` | the plan file format, for editors (VS Code's YAML extension completes keys and values) |
| `+"`cpp.yaml`"+` | settings: the council, how quarters are read, report and import defaults |
| `+"`.github/workflows/plans.yml`"+` | CI: checks every push, and describes each pull request's plan changes |
| `+"`.pre-commit-config.yaml`"+` | the same checks before each commit, with pre-commit |

Run `+"`cpp validate`"+` after each change; it names the file, line and column of every problem.

## Board approval

A pull request that moves a deadline later or removes or drops an action fails its check until
the Corporate Parenting Board has approved it and someone adds the label `+"`board-approved`"+`;
adding or removing the label runs the check again. Make the label once, on GitHub under Issues >
Labels > New label, or with the GitHub CLI:

    gh label create board-approved --description "The Corporate Parenting Board approved these plan changes"

## The quarterly cycle

Quarters are %s.

1. Send each lead team its return, a workbook with a sheet of its open actions:

       cpp returns export -o returns.xlsx

2. Record the filled workbooks that come back, all at once (nothing is written if any row is
   wrong; each problem is named by sheet and row):

       cpp returns import returns-*.xlsx

   or one action or measure at a time:

       cpp update %s.p1.1 --status in-progress --rag green --note "Draft agreed by the board"

3. Chase what has not come back: open actions with no update this quarter, by lead:

       cpp returns missing

4. See what falls due and what is late:

       cpp due
       cpp overdue

5. Write the board report:

       cpp report -o board-report.md

6. Commit the changes and open a pull request; reviewers read what it does to the plans:

       cpp diff main...HEAD
`, o.Council, o.Council, planPath, SchemaPath, quarters, id)
}
