package main

import "golang.org/x/sys/windows"

// systemLanguages lists the user's preferred languages of the Windows user interface, as
// language names such as "de-DE".
func systemLanguages() []string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil {
		return nil
	}
	return langs
}
