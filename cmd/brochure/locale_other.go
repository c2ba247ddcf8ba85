//go:build !windows

package main

// systemLanguages lists the user's languages where the system keeps them apart from the
// environment: nowhere but on Windows, so none here.
func systemLanguages() []string { return nil }
