package chart

import "testing"

func TestDetSmoke(t *testing.T) {
	b := loadBundle(t)
	sp := sampleSpecs()
	r1, _ := NewRenderer(b, 1)
	a1 := renderOK(t, r1, sp[Bar])[0]
	r2, _ := NewRenderer(b, 1)
	out := renderOK(t, r2, sp[Pie], sp[HBar], sp[Bar])
	if out[2] != a1 {
		t.Errorf("differs")
		for i := range a1 {
			if a1[i] != out[2][i] {
				t.Log(a1[max(0, i-200):i+200], "\n-----\n", out[2][max(0, i-200):i+200])
				break
			}
		}
	}
}
