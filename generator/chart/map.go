package chart

import (
	"math"
	"slices"
)

// MapLayer is the geometry of a Map chart: every region that may be drawn,
// in longitude and latitude, and the regions the view is fitted to.
type MapLayer struct {
	Regions []Region
	// Focus names the regions the view is fitted to (with a margin);
	// empty means all. Regions outside the view are left out of the SVG.
	Focus []string
}

// Region is one named area of a map: polygons of rings (the outer ring
// first), each ring a closed list of [longitude, latitude] points.
type Region struct {
	Name     string
	Polygons [][][]Point
}

// Map drawing constants.
const (
	mapPadding   = 0.06 // of the view's extent, added on every side
	mapTolerance = 1.0  // simplification tolerance, in px of the drawing
	mapLandColor = "#e4e7eb"
	mapEdgeColor = "#ffffff"
	mapMinHeight = 240
	mapMaxHeight = 760
	mapDecimals  = 1e4 // coordinates are rounded to 1/10,000 degree (~10 m)
)

// bbox is a longitude/latitude box.
type bbox struct{ minX, minY, maxX, maxY float64 }

func emptyBox() bbox { return bbox{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)} }

func (b *bbox) add(p Point) {
	b.minX, b.minY = math.Min(b.minX, p[0]), math.Min(b.minY, p[1])
	b.maxX, b.maxY = math.Max(b.maxX, p[0]), math.Max(b.maxY, p[1])
}

func (b bbox) intersects(o bbox) bool {
	return b.minX <= o.maxX && o.minX <= b.maxX && b.minY <= o.maxY && o.minY <= b.maxY
}

func regionBox(r Region) bbox {
	b := emptyBox()
	for _, poly := range r.Polygons {
		for _, p := range poly[0] {
			b.add(p)
		}
	}
	return b
}

// mapView is the padded box the map shows.
func mapView(l *MapLayer) bbox {
	b := emptyBox()
	for _, r := range l.Regions {
		if len(l.Focus) == 0 || slices.Contains(l.Focus, r.Name) {
			rb := regionBox(r)
			b.add(Point{rb.minX, rb.minY})
			b.add(Point{rb.maxX, rb.maxY})
		}
	}
	xScale := mapXScale(b)
	padY := mapPadding * math.Max(b.maxY-b.minY, (b.maxX-b.minX)*xScale)
	padX := padY / xScale
	return bbox{b.minX - padX, b.minY - padY, b.maxX + padX, b.maxY + padY}
}

// mapXScale is how much shorter a degree of longitude is than one of
// latitude in the middle of the box: cos(latitude), about cos(68°) = 0.37
// for Northern Norway. ECharts' default aspectScale (0.75) would flatten it.
func mapXScale(b bbox) float64 {
	return math.Cos((b.minY + b.maxY) / 2 * math.Pi / 180)
}

// mapHeight is the height that fits the view at width w without waste.
func mapHeight(s Spec) int {
	v := mapView(s.Map)
	aspect := (v.maxY - v.minY) / ((v.maxX - v.minX) * mapXScale(v))
	h := int(math.Round(float64(s.width()-2*outerMargin)*aspect)) + 2*outerMargin
	return min(max(h, mapMinHeight), mapMaxHeight)
}

// mapOption builds the ECharts option of a Map spec: the simplified
// regions in view as GeoJSON under __map (registered by harness.js), and a
// map series that colours each category with its series' colour.
func mapOption(s Spec) map[string]any {
	w, h := s.size()
	view := mapView(s.Map)
	xScale := mapXScale(view)
	// Degrees per px: the view fits the plot in one direction.
	plotW, plotH := float64(w-2*outerMargin), float64(h-2*outerMargin)
	degPerPx := math.Max((view.maxY-view.minY)/plotH, (view.maxX-view.minX)*xScale/plotW)
	var inView []Region
	for _, r := range s.Map.Regions {
		if regionBox(r).intersects(view) {
			inView = append(inView, r)
		}
	}
	regions := simplifyRegions(inView, mapTolerance*degPerPx, xScale)
	return map[string]any{
		"__map":     map[string]any{"name": s.ID, "geoJSON": geoJSON(regions)},
		"animation": false,
		"aria":      map[string]any{"enabled": false}, // the figure carries the text
		"textStyle": map[string]any{"fontFamily": FontFamily, "fontSize": mapLabelSize, "color": textColor},
		"series":    []any{mapSeries(s, view, xScale)},
	}
}

// mapLabelSize is the size of region names on a map, px.
const mapLabelSize = 13

// mapSeries is the one map series: grey land, coloured categories with
// their names where the names fit.
func mapSeries(s Spec, view bbox, xScale float64) map[string]any {
	var data []any
	for i, name := range s.Categories {
		for g, ser := range s.Series {
			if ser.Values[i] == 0 {
				continue
			}
			data = append(data, map[string]any{
				"name":      name,
				"value":     g + 1,
				"itemStyle": map[string]any{"areaColor": seriesColor(ser, g)},
				"label":     map[string]any{"show": true},
			})
		}
	}
	return map[string]any{
		"type":           "map",
		"map":            s.ID,
		"silent":         true,
		"roam":           false,
		"aspectScale":    round(xScale, 1e4),
		"boundingCoords": [][]float64{{round(view.minX, 1e4), round(view.maxY, 1e4)}, {round(view.maxX, 1e4), round(view.minY, 1e4)}},
		"left":           outerMargin,
		"right":          outerMargin,
		"top":            outerMargin,
		"bottom":         outerMargin,
		"emphasis":       map[string]any{"disabled": true},
		"select":         map[string]any{"disabled": true},
		"itemStyle":      map[string]any{"areaColor": mapLandColor, "borderColor": mapEdgeColor, "borderWidth": 0.6},
		"label": map[string]any{
			"show": false, "fontSize": mapLabelSize, "color": textColor,
			"textBorderColor": "#ffffff", "textBorderWidth": 3,
		},
		"labelLayout": map[string]any{"hideOverlap": true},
		"data":        data,
	}
}

// seriesColor is the series' own colour, or the palette's g-th.
func seriesColor(ser Series, g int) string {
	if ser.Color != "" {
		return ser.Color
	}
	return Palette[g%len(Palette)]
}

// geoJSON writes regions as a FeatureCollection with rounded coordinates.
func geoJSON(regions []Region) map[string]any {
	features := make([]any, len(regions))
	for i, r := range regions {
		polys := make([][][][]float64, len(r.Polygons))
		for j, poly := range r.Polygons {
			polys[j] = make([][][]float64, len(poly))
			for k, ring := range poly {
				pts := make([][]float64, len(ring))
				for n, p := range ring {
					pts[n] = []float64{round(p[0], mapDecimals), round(p[1], mapDecimals)}
				}
				polys[j][k] = pts
			}
		}
		features[i] = map[string]any{
			"type":       "Feature",
			"properties": map[string]any{"name": r.Name},
			"geometry":   map[string]any{"type": "MultiPolygon", "coordinates": polys},
		}
	}
	return map[string]any{"type": "FeatureCollection", "features": features}
}

func round(v, scale float64) float64 { return math.Round(v*scale) / scale }

// validateMap checks what only a Map spec needs: geometry, and every
// category a region of it.
func (s Spec) validateMap() error {
	if s.Map == nil || len(s.Map.Regions) == 0 {
		return specError(s, "et kart trenger kartdata (Map.Regions)")
	}
	names := map[string]bool{}
	for _, r := range s.Map.Regions {
		names[r.Name] = true
	}
	for i, c := range s.Categories {
		if !names[c] {
			return &Error{ID: s.ID, Category: i, Msg: "kommunen «" + c + "» finnes ikke i kartdataene"}
		}
	}
	for _, f := range s.Map.Focus {
		if !names[f] {
			return specError(s, "kartet skal vise %q, som ikke finnes i kartdataene", f)
		}
	}
	return nil
}
