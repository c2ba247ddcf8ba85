package geomap

import (
	"encoding/json"
	"fmt"
	"math"
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
func parseGeoJSON(data []byte, want string) ([][]lonLat, error) {
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
	var raw any
	if err := json.Unmarshal(g.Coordinates, &raw); err != nil {
		return fmt.Errorf("geojson %s coordinates: %w", g.Type, err)
	}
	return lines(raw, depth, g.Type, out)
}

func lines(raw any, depth int, typ string, out *[][]lonLat) error {
	arr, ok := raw.([]any)
	if !ok {
		return fmt.Errorf("geojson %s: coordinates are not an array", typ)
	}
	if depth > 0 {
		for _, a := range arr {
			if err := lines(a, depth-1, typ, out); err != nil {
				return err
			}
		}
		return nil
	}
	line := make([]lonLat, 0, len(arr))
	for _, p := range arr {
		pa, ok := p.([]any)
		if !ok || len(pa) < 2 {
			return fmt.Errorf("geojson %s: position is not [lon, lat]", typ)
		}
		lon, ok1 := pa[0].(float64)
		lat, ok2 := pa[1].(float64)
		if !ok1 || !ok2 || math.Abs(lon) > 180 || math.Abs(lat) > 90 {
			return fmt.Errorf("geojson %s: position %v is not a longitude and latitude", typ, p)
		}
		line = append(line, lonLat{lon, lat})
	}
	if len(line) < 2 {
		return fmt.Errorf("geojson %s: a line has fewer than 2 positions", typ)
	}
	*out = append(*out, line)
	return nil
}
