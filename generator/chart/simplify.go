package chart

import (
	"math"
	"slices"
)

// Point is a [longitude, latitude] pair.
type Point = [2]float64

// simplifyRegions thins every ring of regions with Douglas–Peucker to tol
// (in degrees of latitude; longitudes are scaled by xScale first, so the
// tolerance is the same on screen in both directions).
//
// It is topology-aware in the way a map needs: a boundary two regions
// share is cut into the same chains in both (at every point where borders
// meet, see pointDegrees), each chain is simplified alone,
// from a direction that does not depend on which region it is read from,
// and the chain ends are kept. Neighbours therefore keep exactly the same
// border and no gap or overlap opens between them. Rings that lose their
// area are left out when they touch nothing (small islands); a region
// keeps at least its largest ring.
func simplifyRegions(regions []Region, tol, xScale float64) []Region {
	degrees := pointDegrees(regions)
	out := make([]Region, len(regions))
	for i, r := range regions {
		out[i] = Region{Name: r.Name}
		for _, poly := range r.Polygons {
			var kept [][]Point
			for k, ring := range poly {
				s := simplifyRing(ring, degrees, tol, xScale)
				if len(s) < 4 && touches(ring, degrees) {
					s = ring // a neighbour keeps the border: so must this ring
				}
				if len(s) >= 4 {
					kept = append(kept, s)
				} else if k == 0 {
					break // the outer ring is gone: so is the polygon with its holes
				}
			}
			if len(kept) > 0 {
				out[i].Polygons = append(out[i].Polygons, kept)
			}
		}
		if len(out[i].Polygons) == 0 && len(r.Polygons) > 0 {
			out[i].Polygons = [][][]Point{largestRing(r.Polygons)}
		}
	}
	return out
}

// pointDegrees counts, for every point, the distinct points it is joined
// to by an edge of any ring. Inside a border that two regions share (or a
// coast) a point has two; where borders meet, or one side of a border has
// a point the other lacks, more. Those are the nodes chains are cut at.
func pointDegrees(regions []Region) map[Point]int {
	adj := map[Point][]Point{}
	link := func(a, b Point) {
		if !slices.Contains(adj[a], b) {
			adj[a] = append(adj[a], b)
		}
	}
	for _, r := range regions {
		for _, poly := range r.Polygons {
			for _, ring := range poly {
				for k := 1; k < len(ring); k++ {
					link(ring[k-1], ring[k])
					link(ring[k], ring[k-1])
				}
			}
		}
	}
	deg := make(map[Point]int, len(adj))
	for p, ns := range adj {
		deg[p] = len(ns)
	}
	return deg
}

// touches reports whether a ring meets another ring somewhere.
func touches(ring []Point, degrees map[Point]int) bool {
	return slices.ContainsFunc(ring, func(p Point) bool { return degrees[p] != 2 })
}

// simplifyRing simplifies one closed ring chain by chain (see
// simplifyRegions) and returns it closed again.
func simplifyRing(ring []Point, degrees map[Point]int, tol, xScale float64) []Point {
	pts := ring[:len(ring)-1] // open
	n := len(pts)
	if n < 3 {
		return nil
	}
	var nodes []int
	for i := range n {
		if degrees[pts[i]] != 2 {
			nodes = append(nodes, i)
		}
	}
	if len(nodes) == 0 {
		nodes = loopNodes(pts, xScale)
	}
	var out []Point
	for k, start := range nodes {
		end := nodes[(k+1)%len(nodes)]
		if end <= start {
			end += n
		}
		chain := make([]Point, 0, end-start+1)
		for i := start; i <= end; i++ {
			chain = append(chain, pts[i%n])
		}
		s := simplifyChain(chain, tol, xScale)
		out = append(out, s[:len(s)-1]...)
	}
	if len(out) < 3 {
		return nil
	}
	return append(out, out[0])
}

// loopNodes picks two points of a ring that shares no node with another
// ring (an island, or an enclave and its hole): the smallest point and the
// point farthest from it, which any reading of the ring finds alike.
func loopNodes(pts []Point, xScale float64) []int {
	first := 0
	for i, p := range pts {
		if less(p, pts[first]) {
			first = i
		}
	}
	far, best := first, -1.0
	for i, p := range pts {
		if d := dist2(p, pts[first], xScale); d > best {
			far, best = i, d
		}
	}
	if far == first {
		return []int{first}
	}
	return []int{min(first, far), max(first, far)}
}

// simplifyChain runs Douglas–Peucker on an open chain, keeping both ends.
// The chain is read from its smaller end, so the two regions that share it
// get the same points.
func simplifyChain(chain []Point, tol, xScale float64) []Point {
	reversed := less(chain[len(chain)-1], chain[0])
	if reversed {
		chain = slices.Clone(chain)
		slices.Reverse(chain)
	}
	keep := make([]bool, len(chain))
	keep[0], keep[len(chain)-1] = true, true
	douglasPeucker(chain, 0, len(chain)-1, tol*tol, xScale, keep)
	out := make([]Point, 0, len(chain))
	for i, p := range chain {
		if keep[i] {
			out = append(out, p)
		}
	}
	if reversed {
		slices.Reverse(out)
	}
	return out
}

// douglasPeucker marks in keep the points of chain[lo..hi] that lie more
// than sqrt(tol2) from the line between the kept ends.
func douglasPeucker(chain []Point, lo, hi int, tol2, xScale float64, keep []bool) {
	for hi-lo > 1 {
		far, best := -1, tol2
		for i := lo + 1; i < hi; i++ {
			if d := segDist2(chain[i], chain[lo], chain[hi], xScale); d > best {
				far, best = i, d
			}
		}
		if far < 0 {
			return
		}
		keep[far] = true
		douglasPeucker(chain, lo, far, tol2, xScale, keep)
		lo = far
	}
}

// segDist2 is the squared distance from p to the segment a–b.
func segDist2(p, a, b Point, xScale float64) float64 {
	px, py := p[0]*xScale, p[1]
	ax, ay := a[0]*xScale, a[1]
	bx, by := b[0]*xScale, b[1]
	dx, dy := bx-ax, by-ay
	if l := dx*dx + dy*dy; l > 0 {
		t := math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l))
		ax, ay = ax+t*dx, ay+t*dy
	}
	return (px-ax)*(px-ax) + (py-ay)*(py-ay)
}

func dist2(a, b Point, xScale float64) float64 {
	dx, dy := (a[0]-b[0])*xScale, a[1]-b[1]
	return dx*dx + dy*dy
}

func less(a, b Point) bool {
	return a[0] < b[0] || a[0] == b[0] && a[1] < b[1]
}

// largestRing returns the polygon (outer ring only) with the most points.
func largestRing(polys [][][]Point) [][]Point {
	best := polys[0]
	for _, p := range polys {
		if len(p[0]) > len(best[0]) {
			best = p
		}
	}
	return best[:1]
}
