package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"

	"alisnord/generator/diag"
)

// Map files: the municipality boundaries the maps are drawn from (GeoJSON,
// 2020 boundaries) and where the data's 2019 municipalities lie on them.
const (
	MapFile    = "data/kart/kommuner-2020.json"
	MergedFile = "data/kart/sammenslaatte.toml"
)

// Map is the municipality map of data/kart/. It is optional: a site
// without MapFile has no map (Features is empty).
type Map struct {
	Features []Feature
	Merged   []Merged
}

// Feature is one 2020 municipality of the map: its name and its polygons,
// each a list of rings (the outer one first) of [longitude, latitude] points.
type Feature struct {
	Name     string
	Number   int
	Polygons [][][][2]float64
}

// Merged is one [[merged]] of MergedFile: a 2020 municipality on the map
// that covers several 2019 municipalities (or parts of them).
type Merged struct {
	Feature string   `toml:"feature"`
	From    []string `toml:"from"`
	Pos     diag.Pos `toml:"-"`
}

// FeatureOf returns the map's 2020 municipality that holds the 2019
// municipality name, and whether that one covers more than name.
func (m *Map) FeatureOf(name string) (feature string, merged bool) {
	for _, mg := range m.Merged {
		if slices.Contains(mg.From, name) {
			return mg.Feature, len(mg.From) > 1
		}
	}
	for _, f := range m.Features {
		if f.Name == name {
			return name, false
		}
	}
	return "", false
}

// MergedOf returns the [[merged]] entry of the 2020 municipality feature,
// or nil.
func (m *Map) MergedOf(feature string) *Merged {
	for i := range m.Merged {
		if m.Merged[i].Feature == feature {
			return &m.Merged[i]
		}
	}
	return nil
}

// geoJSON is the part of a GeoJSON FeatureCollection the map reads.
type geoJSON struct {
	Type     string `json:"type"`
	Features []struct {
		Properties struct {
			Name   string `json:"navn"`
			Number int    `json:"kommunenummer"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// kart loads the map into s.Map when MapFile exists, and checks that every
// participant's municipality is on it.
func (l *loader) kart(s *Site) keyIndex {
	if _, err := fs.Stat(l.fsys, MapFile); errors.Is(err, fs.ErrNotExist) {
		return keyIndex{}
	}
	src, msg := readRegular(l.fsys, MapFile, MaxDataBytes)
	if msg != "" {
		l.ds.Add(diag.Pos{Path: MapFile, Line: 1, Col: 1}, "%s", msg)
		l.broken[MapFile] = true
		return keyIndex{}
	}
	features, pos, msg := parseFeatures(src)
	if msg != "" {
		l.ds.Add(offsetPos(MapFile, src, pos), "%s", msg)
		l.broken[MapFile] = true
		return keyIndex{}
	}
	var merged struct {
		Merged []Merged `toml:"merged"`
	}
	ix := l.file(MergedFile, &merged)
	s.Map = Map{Features: features, Merged: merged.Merged}
	return ix
}

// parseFeatures decodes the GeoJSON features; on a problem it returns the
// byte offset near it and a Norwegian message.
func parseFeatures(src []byte) ([]Feature, int64, string) {
	var doc geoJSON
	if err := json.Unmarshal(src, &doc); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return nil, syn.Offset - 1, "kartfilen er ikke gyldig JSON: " + syn.Error()
		case errors.As(err, &typ):
			return nil, typ.Offset, fmt.Sprintf("kartfilen har feil type i %s: %s", typ.Field, typ.Value)
		}
		return nil, 0, "kartfilen kan ikke leses: " + err.Error()
	}
	if doc.Type != "FeatureCollection" || len(doc.Features) == 0 {
		return nil, 0, "kartfilen må være en GeoJSON FeatureCollection med minst én kommune"
	}
	out := make([]Feature, len(doc.Features))
	for i, f := range doc.Features {
		polys, msg := polygons(f.Geometry.Type, f.Geometry.Coordinates)
		at := int64(bytes.Index(src, f.Geometry.Coordinates))
		if f.Properties.Name == "" {
			return nil, at, fmt.Sprintf("kommune nr. %d i kartfilen mangler navn (navn)", i+1)
		}
		if msg != "" {
			return nil, at, fmt.Sprintf("kommunen %s i kartfilen: %s", f.Properties.Name, msg)
		}
		out[i] = Feature{Name: f.Properties.Name, Number: f.Properties.Number, Polygons: polys}
	}
	return out, 0, ""
}

// polygons reads a Polygon or MultiPolygon as a list of polygons and
// checks that every ring is closed and every point on the globe.
func polygons(typ string, raw json.RawMessage) ([][][][2]float64, string) {
	var polys [][][][2]float64
	switch typ {
	case "MultiPolygon":
		if err := json.Unmarshal(raw, &polys); err != nil {
			return nil, "koordinatene kan ikke leses: " + err.Error()
		}
	case "Polygon":
		var rings [][][2]float64
		if err := json.Unmarshal(raw, &rings); err != nil {
			return nil, "koordinatene kan ikke leses: " + err.Error()
		}
		polys = [][][][2]float64{rings}
	default:
		return nil, fmt.Sprintf("geometrien er %q; kartet tar Polygon eller MultiPolygon", typ)
	}
	for _, poly := range polys {
		for _, ring := range poly {
			if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
				return nil, "en ring har færre enn fire punkter eller er ikke lukket"
			}
			for _, p := range ring {
				if math.Abs(p[0]) > 180 || math.Abs(p[1]) > 90 {
					return nil, fmt.Sprintf("punktet [%g, %g] ligger ikke på jorden", p[0], p[1])
				}
			}
		}
	}
	return polys, ""
}

// offsetPos turns a byte offset in src into a line:col position.
func offsetPos(path string, src []byte, off int64) diag.Pos {
	off = min(max(off, 0), int64(len(src)))
	before := src[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return diag.Pos{Path: path, Line: line, Col: col}
}

// kart checks the [[merged]] entries against the map and that every
// participant's municipality lies on it.
func (c checker) kart(s *Site) {
	if len(s.Map.Features) == 0 || c.broken[MergedFile] || c.broken[ParticipantsFile] {
		return
	}
	ix := c.ix[MergedFile]
	for i := range s.Map.Merged {
		mg, p := &s.Map.Merged[i], fmt.Sprintf("merged[%d]", i)
		mg.Pos = ix.at(p)
		require(c.ds, ix, p, mg, "feature", "from")
		if !slices.ContainsFunc(s.Map.Features, func(f Feature) bool { return f.Name == mg.Feature }) {
			c.ds.Add(ix.at(p+".feature"), "kommunen %q finnes ikke i kartet %s", mg.Feature, MapFile)
		}
	}
	pix := c.ix[ParticipantsFile]
	for i, pt := range s.Participants {
		for j, m := range pt.Municipalities {
			if f, _ := s.Map.FeatureOf(m); f == "" {
				c.ds.Add(pix.at(fmt.Sprintf("participant[%d].municipalities", i)),
					"kommunen %q (nr. %d i listen til %s) finnes ikke i kartet %s; er den slått sammen, skriv den i %s",
					m, j+1, pt.Name, MapFile, MergedFile)
			}
		}
	}
}
