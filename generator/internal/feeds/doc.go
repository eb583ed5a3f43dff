// Package feeds writes the files crawlers and feed readers fetch: sitemap.xml
// with its language alternates, robots.txt, and an Atom feed. It knows the
// formats only: what goes in them (which pages, which titles, which dates) is
// decided by the caller, so the same entries a page shows are the ones its feed
// lists. It returns bytes and writes no files.
package feeds
