package roster

import (
	"io"
	"testing"
)

// BenchmarkWriteXLSX100k writes the workbook of 100,000 synthetic members (100,000
// programme areas, a contact each). Peak memory: build the test binary and run it under
// /usr/bin/time -v with -test.bench WriteXLSX100k -test.benchtime 1x.
func BenchmarkWriteXLSX100k(b *testing.B) {
	n := syntheticNetwork(100000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLSX(io.Discard, n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCSVFiles100k writes the CSV files of the same network.
func BenchmarkCSVFiles100k(b *testing.B) {
	n := syntheticNetwork(100000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CSVFiles(n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadApply20k reads back the workbook of 20,000 synthetic members, the most a
// roster sheet may hold (MaxRows), and applies it to the network.
func BenchmarkReadApply20k(b *testing.B) {
	n := syntheticNetwork(MaxRows)
	data := writeXLSXBytes(b, n)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadXLSX("roster.xlsx", data).Apply(n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWritePDF500 writes the printed member list of 500 synthetic members (29 pages).
func BenchmarkWritePDF500(b *testing.B) {
	n := syntheticNetwork(500)
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePDF(io.Discard, n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRoster10k makes every roster file of 10,000 synthetic members, as `brochure build
// -only roster` does apart from loading and writing: the workbook, the CSV files and the
// printed member list.
func BenchmarkRoster10k(b *testing.B) {
	n := syntheticNetwork(10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLSX(io.Discard, n); err != nil {
			b.Fatal(err)
		}
		if _, err := CSVFiles(n); err != nil {
			b.Fatal(err)
		}
		if err := WritePDF(io.Discard, n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteXLSX10k writes the workbook of 10,000 synthetic members.
func BenchmarkWriteXLSX10k(b *testing.B) {
	n := syntheticNetwork(10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLSX(io.Discard, n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWritePDF10k writes the printed member list of 10,000 synthetic members.
func BenchmarkWritePDF10k(b *testing.B) {
	n := syntheticNetwork(10000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePDF(io.Discard, n); err != nil {
			b.Fatal(err)
		}
	}
}
