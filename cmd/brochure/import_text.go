package main

// The English texts of the commands import and diff, and of the change list they print,
// kept in this one file so that they move into a message catalogue in one piece.

import (
	"fmt"
	"io"
	"strings"

	"github.com/staedtenetz-nrw/brochure/brochure/changes"
)

// Usage of import and diff.
const (
	importArgs      = "[-data FILE] [-dry-run] [-json] ROSTER.xlsx | FILE.csv..."
	importArgsShort = "[-data FILE] ROSTER"
	importSummary   = "apply an edited roster (the workbook, or its CSV files) to the data file"
	importHelp      = "Apply an edited roster to the data file: members added, removed or moved between current and former, changed values, programme areas, institutions and the office. " +
		"Only what was edited changes in the file; comments and layout stay. Prints what changed"
	diffArgs      = "[-json] OLD.yaml NEW.yaml"
	diffArgsShort = "OLD.yaml NEW.yaml"
	diffSummary   = "list what changed between two data files"
	diffHelp      = "List what changed between two editions of the data: who joined, left or came back, changed contacts, programme areas, counts, texts and Stand"

	flagDryRun     = "print what would change, and change nothing"
	flagSince      = "an earlier edition's data `file`: the roster lists what changed since then on a sheet \"Änderungen\""
	flagJSON       = "print the change list as JSON"
	flagImportData = "the data `file` to update; default " + initFile + " here, else " + projectFile
)

// Messages of import.
const (
	msgNoRoster      = "brochure import: name the roster: the workbook (.xlsx) or its CSV files\n"
	msgRosterArgs    = "brochure import: name one workbook (.xlsx), or one or more CSV files (.csv), not both\n"
	msgExample       = "brochure: error: the built-in example cannot be changed\nbrochure: hint: run `brochure init` to write it to %s, then import into that file\n"
	msgNoSuchRoster  = "brochure: error: %s: no such file\nbrochure: hint: check the name of the roster\n"
	msgRosterRead    = "brochure: error: read %s: %v\n"
	msgRosterProbs   = "brochure: %d %s in the roster; %s was not changed\n"
	msgUpdatedProbs  = "brochure: %d %s in the data as the roster would change it; %s was not changed\n"
	msgLayoutProbs   = "brochure: the leaflet cannot be laid out with the roster's data (%d %s); %s was not changed\n"
	msgTooLarge      = "brochure: error: %v; %s was not changed\nbrochure: hint: is it the right roster? a data file holds a few hundred members in a few hundred KiB\n"
	msgMismatch      = "brochure: error: %v; %s was not changed\nbrochure: hint: this is a fault of brochure, not of the roster: please report it with the roster and the data file\n"
	msgNote          = "%s: note: %s\n"
	msgAsUpdated     = " (as the roster would change it)"
	msgUnchanged     = "brochure: the roster holds no changes; %s is as it was\n"
	msgDryRun        = "brochure: dry run: %s was not changed\n"
	msgWrote         = "wrote %s (%s)\n"
	msgDiffArgs      = "brochure diff: name two data files, the old one first\n"
	msgNoChanges     = "No changes."
	msgChangesHeader = "Changes from Stand %s to Stand %s:"
	msgChangesSame   = "Changes (Stand %s):"
)

// problems writes "1 problem" or "n problems".
func problems(n int) string {
	if n == 1 {
		return "problem"
	}
	return "problems"
}

// changeCount writes "1 change" or "n changes".
func changeCount(n int) string {
	if n == 1 {
		return "1 change"
	}
	return fmt.Sprintf("%d changes", n)
}

// writeChanges writes a change list for people: a heading, the counts, then one line per
// change.
func writeChanges(w io.Writer, l changes.List) {
	if l.OldStand == l.NewStand {
		fmt.Fprintf(w, msgChangesSame+"\n", l.NewStand)
	} else {
		fmt.Fprintf(w, msgChangesHeader+"\n", l.OldStand, l.NewStand)
	}
	c := l.Counts
	fmt.Fprintf(w, "  counts: %s current members, %s former members, %s programme areas, %s institutions\n",
		count(c.Current), count(c.Former), count(c.Areas), count(c.Institutions))
	if l.Empty() {
		fmt.Fprintf(w, "  %s\n", msgNoChanges)
		return
	}
	for _, ch := range l.Changes {
		fmt.Fprintf(w, "  %s\n", changeText(ch))
	}
}

// count writes a count before and after: "31", or "31 → 32".
func count(n [2]int) string {
	if n[0] == n[1] {
		return fmt.Sprint(n[0])
	}
	return fmt.Sprintf("%d → %d", n[0], n[1])
}

// changeText words one change.
func changeText(c changes.Change) string {
	switch c.Kind {
	case changes.Stand:
		return fmt.Sprintf("Stand: %s → %s", c.Old, c.New)
	case changes.Joined:
		switch {
		case c.New == "former":
			return fmt.Sprintf("new in the list: %s (a former member, left %s)", c.Subject, c.Date)
		case c.Date != "":
			return fmt.Sprintf("joined: %s (member since %s)", c.Subject, c.Date)
		}
		return fmt.Sprintf("joined: %s", c.Subject)
	case changes.Left:
		return fmt.Sprintf("left: %s (%s)", c.Subject, c.Date)
	case changes.Rejoined:
		return fmt.Sprintf("came back: %s (had left %s)", c.Subject, c.Date)
	case changes.Removed:
		return fmt.Sprintf("taken off the list: %s (was a %s member)", c.Subject, c.Old)
	case changes.Member:
		return fmt.Sprintf("%s: %s: %s", c.Subject, c.Field, fromTo(c.Old, c.New))
	case changes.AreaAdded:
		return fmt.Sprintf("%s: programme area added: %s%s", c.Subject, c.Field, paren(c.New))
	case changes.AreaRemoved:
		return fmt.Sprintf("%s: programme area removed: %s%s", c.Subject, c.Field, paren(c.Old))
	case changes.Area:
		i := strings.LastIndexByte(c.Field, '.')
		return fmt.Sprintf("%s: programme area %s: %s: %s", c.Subject, c.Field[:i], c.Field[i+1:], fromTo(c.Old, c.New))
	case changes.InstitutionAdded:
		return fmt.Sprintf("institution added: %s", c.Subject)
	case changes.InstitutionRemoved:
		return fmt.Sprintf("institution removed: %s", c.Subject)
	case changes.Institution:
		return fmt.Sprintf("institution %s: %s: %s", c.Subject, c.Field, fromTo(c.Old, c.New))
	case changes.Office:
		switch {
		case c.Field == "people" && c.Old == "":
			return fmt.Sprintf("office: person added: %s", c.New)
		case c.Field == "people":
			return fmt.Sprintf("office: person removed: %s", c.Old)
		}
		return fmt.Sprintf("office: %s: %s", c.Field, fromTo(c.Old, c.New))
	case changes.Network:
		return fmt.Sprintf("%s: %s", c.Field, fromTo(c.Old, c.New))
	case changes.Source:
		switch {
		case c.Field == "" && c.Old == "":
			return fmt.Sprintf("source added: %s: %s", c.Subject, c.New)
		case c.Field == "":
			return fmt.Sprintf("source removed: %s", c.Subject)
		}
		return fmt.Sprintf("source %s: %s: %s", c.Subject, c.Field, fromTo(c.Old, c.New))
	case changes.Text:
		s := fmt.Sprintf("text %q, %s: %s removed, %s added", c.Subject, c.Field, words(c.Removed), words(c.Added))
		if c.Old != "" || c.New != "" {
			s += ": " + fromTo(c.Old, c.New)
		}
		return s
	case changes.Leaflet:
		switch {
		case c.Field == "blocks" && c.Old == "":
			return fmt.Sprintf("leaflet: block added: %s", c.New)
		case c.Field == "blocks":
			return fmt.Sprintf("leaflet: block removed: %s", c.Old)
		}
		return fmt.Sprintf("%s: %s", c.Field, fromTo(c.Old, c.New))
	}
	return fmt.Sprintf("%s %s %s: %s", c.Kind, c.Subject, c.Field, fromTo(c.Old, c.New))
}

// fromTo writes a value's change: "a → b", with "(none)" for an empty value.
func fromTo(old, new string) string {
	none := func(s string) string {
		if s == "" {
			return "(none)"
		}
		return fmt.Sprintf("%q", s)
	}
	return none(old) + " → " + none(new)
}

// paren writes " (s)", or nothing for an empty s.
func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// words writes a count of words.
func words(n int) string {
	if n == 1 {
		return "1 word"
	}
	return fmt.Sprintf("%d words", n)
}
