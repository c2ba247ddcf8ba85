package deps
import (
 _ "codeberg.org/go-pdf/fpdf"
 _ "github.com/xuri/excelize/v2"
 _ "go.yaml.in/yaml/v3"
 _ "github.com/pdfcpu/pdfcpu/pkg/api"
 _ "rsc.io/qr"
 _ "golang.org/x/image/font/sfnt"
)
