package pdfx

import (
	"fmt"
	"sort"
	"strings"
)

// Condition is a printing condition registered with the ICC (www.color.org), which a
// PDF/X file names in its output intent instead of embedding a profile.
type Condition struct {
	// Identifier is the registered reference name, e.g. "FOGRA39".
	Identifier string
	// Info describes the condition in words; it goes into the output intent's /Info.
	Info string
	// Profile names the usual ICC profile for the condition (for people, not the file).
	Profile string
}

// RegistryName is the registry that the conditions in Conditions belong to.
const RegistryName = "http://www.color.org"

// DefaultCondition is the condition a German offset print shop expects without asking.
const DefaultCondition = "FOGRA39"

// Conditions are the registered conditions that Finish accepts, by identifier.
var Conditions = map[string]Condition{
	"FOGRA39": {"FOGRA39", "Coated FOGRA39 (ISO 12647-2:2004/Amd 1), offset, paper type 1 or 2, coated art, 115 g/m2", "ISO Coated v2 (ECI)"},
	"FOGRA51": {"FOGRA51", "Offset printing according to ISO 12647-2:2013, paper type PS1, premium coated, 115 g/m2", "PSO Coated v3"},
	"FOGRA52": {"FOGRA52", "Offset printing according to ISO 12647-2:2013, paper type PS5, wood-free uncoated, 115 g/m2", "PSO Uncoated v3 (FOGRA52)"},
	"FOGRA47": {"FOGRA47", "Offset printing according to ISO 12647-2:2004/Amd 1, paper type 5, uncoated white, 120 g/m2", "PSO Uncoated ISO12647 (ECI)"},
	"FOGRA29": {"FOGRA29", "Offset printing according to ISO 12647-2:2004/Amd 1, paper type 4, uncoated white, 120 g/m2", "ISO Uncoated"},
	"FOGRA40": {"FOGRA40", "Web offset printing according to ISO 12647-2:2004/Amd 1, paper type SC, 56 g/m2", "SC paper (ECI)"},
}

// LookupCondition returns the registered condition with the identifier id (case
// insensitive), or an error listing the known ones.
func LookupCondition(id string) (Condition, error) {
	c, ok := Conditions[strings.ToUpper(strings.TrimSpace(id))]
	if !ok {
		known := make([]string, 0, len(Conditions))
		for k := range Conditions {
			known = append(known, k)
		}
		sort.Strings(known)
		return Condition{}, fmt.Errorf("output condition %q is not known; use one of %s", id, strings.Join(known, ", "))
	}
	return c, nil
}
