<?xml version="1.0" encoding="UTF-8"?>
<!-- Viser en Atom-nyhetsstrøm fra nettstedet som en lesbar side i nettleseren,
     med hvordan man abonnerer. Nyhetslesere bruker ikke denne filen. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
<xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

<xsl:variable name="self" select="/atom:feed/atom:link[@rel='self']/@href"/>
<xsl:variable name="site" select="/atom:feed/atom:link[@rel='alternate']/@href"/>

<xsl:template match="/atom:feed">
<html lang="nb">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta name="robots" content="noindex"/>
<title>Nyhetsstrøm: <xsl:value-of select="atom:title"/></title>
<style>
body { margin: 0; font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }
.wrap { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
header.feed-header { background: #0b4f6c; color: #fff; padding: 1rem 0; }
header.feed-header a { color: #fff; }
a { color: #0a5a8a; }
a:focus-visible { outline: 3px solid #b3410e; outline-offset: 2px; }
.subscribe { background: #f2f5f7; border-left: 4px solid #0b4f6c; padding: 0.8rem 1rem; margin: 1.5rem 0; }
.subscribe code { display: block; overflow-wrap: anywhere; background: #fff; border: 1px solid #c9d2da; padding: 0.4rem; margin: 0.4rem 0; }
ol.entries { list-style: none; padding: 0; }
ol.entries li { border-top: 1px solid #c9d2da; padding: 0.8rem 0; }
ol.entries h3 { margin: 0 0 0.2rem; font-size: 1.15rem; }
.meta { color: #4a5561; font-size: 0.95rem; margin: 0; }
</style>
</head>
<body>
<header class="feed-header"><div class="wrap"><a href="{$site}">Til nettstedet</a></div></header>
<main class="wrap">
<h1>Nyhetsstrøm: <xsl:value-of select="atom:title"/></h1>
<div class="subscribe">
<h2>Slik følger du nyhetene</h2>
<p>Dette er en nyhetsstrøm (Atom). Lim inn adressen under i en nyhetsleser (RSS-leser),
så får du nye saker dit når de publiseres. Du trenger ikke abonnere for å lese sakene;
de ligger også på nettstedet.</p>
<code><xsl:value-of select="$self"/></code>
</div>
<h2>Siste saker</h2>
<xsl:choose>
<xsl:when test="atom:entry">
<ol class="entries">
<xsl:for-each select="atom:entry">
<li>
<h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
<p class="meta">Publisert <xsl:value-of select="substring(atom:published, 9, 2)"/>.<xsl:value-of select="substring(atom:published, 6, 2)"/>.<xsl:value-of select="substring(atom:published, 1, 4)"/></p>
<xsl:if test="atom:summary"><p><xsl:value-of select="atom:summary"/></p></xsl:if>
</li>
</xsl:for-each>
</ol>
</xsl:when>
<xsl:otherwise><p>Ingen saker ennå.</p></xsl:otherwise>
</xsl:choose>
</main>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
