package preflight

// iccRGB is the colour of an ICC-based RGB colour space (/ICCBased with /N 3): RGB
// calibrated by its embedded profile, which PDF/X-3 accepts in a print file, where device
// RGB is refused. Its family "icc" is neither "rgb" nor any other family that checkColour
// reports, so a photo tagged as sRGB passes.
func iccRGB() colour {
	return colour{family: "icc", desc: "ICCBased RGB"}
}
