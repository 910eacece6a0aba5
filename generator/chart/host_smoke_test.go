package chart

import (
	"os"
	"testing"
)

func TestHostSmoke(t *testing.T) {
	r := renderer(t)
	out := renderOK(t, r, hostileSpec(Bar), hostileSpec(HBar), hostileSpec(Pie))
	page := `<!doctype html><html lang="no"><meta charset="utf-8"><body><script>window.alerts=0;window.alert=function(){window.alerts++;document.title="ALERT"}</script>`
	for _, s := range out {
		page += "<figure>" + s + "</figure>"
	}
	page += `<script>document.body.setAttribute("data-imgs", document.querySelectorAll("img,script").length + "/" + window.alerts + "/" + (window.pwned===undefined))</script>`
	os.WriteFile("/tmp/h.html", []byte(page), 0o644)
}
