package geomap

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"sync"
)

// lonLat is a geographic position in degrees.
type lonLat struct{ Lon, Lat float64 }

type geoObject struct {
	Type        string          `json:"type"`
	Features    []geoObject     `json:"features"`
	Geometry    *geoObject      `json:"geometry"`
	Geometries  []geoObject     `json:"geometries"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// parseGeoJSON returns the lines of all geometries in data: the rings of (multi)polygons and the
// lines of (multi)line strings. want is "polygon" or "line" and rejects the other kind.
//
// Parsed files are kept, keyed by a hash of their bytes, so that a leaflet that draws the
// same outline twice (map and cover) or builds many times parses it once. Callers must not
// change the result.
func parseGeoJSON(data []byte, want string) ([][]lonLat, error) {
	h := fnv.New64a()
	h.Write(data)
	key := geoKey{h.Sum64(), len(data), want}
	parsedGeo.Lock()
	defer parsedGeo.Unlock()
	if r, ok := parsedGeo.m[key]; ok {
		return r.lines, r.err
	}
	lines, err := parseGeoJSONOnce(data, want)
	if len(parsedGeo.m) >= 16 {
		clear(parsedGeo.m) // a bound for callers with ever new files
	}
	parsedGeo.m[key] = geoResult{lines, err}
	return lines, err
}

// geoKey names a parsed file: its hash and length, and what was looked for in it.
type geoKey struct {
	sum  uint64
	n    int
	want string
}

// geoResult is what parsing a file gave.
type geoResult struct {
	lines [][]lonLat
	err   error
}

// parsedGeo holds the files parsed so far.
var parsedGeo = struct {
	sync.Mutex
	m map[geoKey]geoResult
}{m: map[geoKey]geoResult{}}

// parseGeoJSONOnce reads the lines (or polygon rings) of kind want from a GeoJSON file.
func parseGeoJSONOnce(data []byte, want string) ([][]lonLat, error) {
	var g geoObject
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("read geojson: %w", err)
	}
	var out [][]lonLat
	if err := collect(&g, want, &out); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("geojson holds no %s geometry", want)
	}
	return out, nil
}

func collect(g *geoObject, want string, out *[][]lonLat) error {
	var depth int // nesting of the coordinate arrays that hold lines
	kind := "line"
	switch g.Type {
	case "FeatureCollection":
		for i := range g.Features {
			if err := collect(&g.Features[i], want, out); err != nil {
				return err
			}
		}
		return nil
	case "Feature":
		if g.Geometry == nil {
			return nil
		}
		return collect(g.Geometry, want, out)
	case "GeometryCollection":
		for i := range g.Geometries {
			if err := collect(&g.Geometries[i], want, out); err != nil {
				return err
			}
		}
		return nil
	case "LineString":
		depth = 0
	case "MultiLineString":
		depth = 1
	case "Polygon":
		depth, kind = 1, "polygon"
	case "MultiPolygon":
		depth, kind = 2, "polygon"
	case "Point", "MultiPoint":
		return nil
	default:
		return fmt.Errorf("geojson: unknown type %q", g.Type)
	}
	if kind != want {
		return fmt.Errorf("geojson: %s found where a %s is expected", g.Type, want)
	}
	var pos [][]float64 // one line's positions
	var err error
	switch depth {
	case 0:
		err = json.Unmarshal(g.Coordinates, &pos)
		if err == nil {
			err = addLine(pos, g.Type, out)
		}
	case 1:
		var ls [][][]float64
		if err = json.Unmarshal(g.Coordinates, &ls); err == nil {
			for _, l := range ls {
				if err = addLine(l, g.Type, out); err != nil {
					break
				}
			}
		}
	default:
		var ps [][][][]float64
		if err = json.Unmarshal(g.Coordinates, &ps); err == nil {
			for _, p := range ps {
				for _, l := range p {
					if err = addLine(l, g.Type, out); err != nil {
						return err
					}
				}
			}
		}
	}
	if err != nil {
		return fmt.Errorf("geojson %s coordinates: %w", g.Type, err)
	}
	return nil
}

func addLine(pos [][]float64, typ string, out *[][]lonLat) error {
	line := make([]lonLat, 0, len(pos))
	for _, p := range pos {
		if len(p) < 2 || math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.Abs(p[0]) > 180 || math.Abs(p[1]) > 90 {
			return fmt.Errorf("geojson %s: position %v is not a longitude and latitude", typ, p)
		}
		line = append(line, lonLat{p[0], p[1]})
	}
	if len(line) < 2 {
		return fmt.Errorf("geojson %s: a line has fewer than 2 positions", typ)
	}
	*out = append(*out, line)
	return nil
}
