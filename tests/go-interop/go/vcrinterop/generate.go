package main

import (
	"math"
	"math/rand"
	"strings"
	"time"
)

// Random cassettes with nasty values in every field. Each class of value can
// be turned off, so that tests can name what they cover.

var plainPool = []string{"GET", "POST", "HTTP/1.1", "HTTP/2.0", "200 OK", "https://api.example.test/v1/chat/completions?alt=sse", "api.example.test", "application/json", "x", "a b", "405.6ms", "a#b", "Paris"}

var jsonPool = []string{`{"model":"m","stream":true}`, `{"a": [1, 2, {"b": null}]}`, "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n", "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"}

var wordPool = []string{"", "true", "True", "TRUE", "false", "null", "Null", "~", "y", "Y", "yes", "no", "on", "Off", "1e400", "1e3", ".5", ".inf", "-.Inf", ".NaN", "0x1F", "0o17", "0b101", "07", "09", "1:30", "12:30:45", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "1_000", "+1", "-1", "0", "1.5", "-", ":", "a: b", "a:", "# c", "a #b", "<<", "---", "...", "--- x", "'q'", "\"dq\"", "a'b", "%x", "!tag", "&a", "*a", "|", "> x", "[a]", "{a}", "a,b", " lead", "trail ", "a\\b"}

// Strings that start with a character YAML reserves or with a complex-key mark; goccy 1.9.5 writes them plain, which only goccy reads.
var reservedStartPool = []string{"@x", "`x", "@", "`", "?", "? a"}

var linePool = []string{"a\nb", "\nlead", "trail\n", "a\n\n", "\n", "\n\n", " lead space\nx", "x \ny", "x\n y", "\t\ttab\nx", "a\r\nb\r\n", "line one\nline two\n\n", "  two spaces\n"}

var unicodePool = []string{"×", "🎉 party", "caf\u00e9", "\ufeffbom", "a\u0085b", "a\u2028b", "a\u2029b", "a\u2028\nb", "x\u2028", "\u00a0nbsp", "a\tb"}

// Control characters; goccy 1.9.5 writes some of them raw, which only goccy reads.
var controlPool = []string{"\x01ctl", "del\x7f", "bell\x07", "esc\x1b["}

var nonUTF8Pool = []string{"\xff\xfe", "abc\x80", "\xc3"}

type generator struct {
	rand    *rand.Rand
	classes map[string]bool
}

func (g *generator) pick(pool []string) string { return pool[g.rand.Intn(len(pool))] }

// A string for any field, from the classes turned on.
func (g *generator) text() string {
	if g.rand.Intn(10) < 8 {
		return g.pick([][]string{plainPool, jsonPool}[g.rand.Intn(2)])
	}
	pools := [][]string{plainPool, jsonPool}
	if g.classes["words"] {
		pools = append(pools, wordPool)
	}
	if g.classes["lines"] {
		pools = append(pools, linePool)
	}
	if g.classes["unicode"] {
		pools = append(pools, unicodePool)
	}
	if g.classes["controls"] {
		pools = append(pools, controlPool)
	}
	if g.classes["reserved-starts"] {
		pools = append(pools, reservedStartPool)
	}
	s := g.pick(pools[g.rand.Intn(len(pools))])
	if g.rand.Intn(4) == 0 {
		s += g.pick(pools[g.rand.Intn(len(pools))])
	}
	return s
}

// A string for a body: any text, or bytes that are not UTF-8 (go-yaml writes !!binary).
func (g *generator) body() string {
	if g.classes["binary-body"] && g.rand.Intn(10) == 0 {
		return g.text() + g.pick(nonUTF8Pool) + strings.Repeat("z", g.rand.Intn(80))
	}
	return g.text()
}

// A string for any other field: as body(), and with "binary-fields", bytes there too.
func (g *generator) field() string {
	if g.classes["binary-fields"] && g.rand.Intn(40) == 0 {
		return g.text() + g.pick(nonUTF8Pool)
	}
	return g.text()
}

func (g *generator) key() string {
	if g.classes["long-keys"] && g.rand.Intn(20) == 0 {
		return strings.Repeat("K", 120+g.rand.Intn(20))
	}
	if g.classes["line-keys"] && g.rand.Intn(20) == 0 {
		return "X-" + g.pick(linePool)
	}
	// Keys stay UTF-8: tapedeck's header maps are keyed by text.
	return g.text()
}

func (g *generator) integer() int64 {
	choices := []int64{0, 1, -1, 200, 4096}
	if g.classes["big-integers"] && g.rand.Intn(5) == 0 {
		choices = append(choices, 9007199254740993, math.MaxInt64, math.MinInt64, -9007199254740993)
	}
	return choices[g.rand.Intn(len(choices))]
}

func (g *generator) headers() map[string][]string {
	if g.rand.Intn(3) == 0 {
		return nil
	}
	h := map[string][]string{}
	for n := g.rand.Intn(4); n >= 0; n-- {
		values := []string{}
		for m := g.rand.Intn(3); m >= 0; m-- {
			values = append(values, g.field())
		}
		h[g.key()] = values
	}
	return h
}

func (g *generator) list() []string {
	if g.rand.Intn(2) == 0 {
		return nil
	}
	return []string{g.field(), g.field()}
}

// A status code: 100-999, or with the "go-values" class any int Go's reader takes (0, -1, 1000, the extremes).
func (g *generator) code() int {
	if g.classes["go-values"] && g.rand.Intn(3) == 0 {
		choices := []int{0, -1, 99, 1000, 65536, math.MaxInt64, math.MinInt64}
		return choices[g.rand.Intn(len(choices))]
	}
	return 100 + g.rand.Intn(900)
}

// A duration: usual ones, or with the "go-values" class the extremes of time.Duration and odd nanoseconds.
func (g *generator) duration() time.Duration {
	durations := []time.Duration{0, 1, 1500, 662265667, time.Hour, -5 * time.Millisecond, 90 * time.Second}
	if g.classes["go-values"] {
		durations = append(durations, math.MinInt64, math.MaxInt64, -1, 1<<62+7, -(2562047*time.Hour + 47*time.Minute))
	}
	return durations[g.rand.Intn(len(durations))]
}

func (g *generator) cassette() *Cassette {
	c := &Cassette{Version: 2}
	for id := 0; id <= g.rand.Intn(2); id++ {
		c.Interactions = append(c.Interactions, &Interaction{
			ID: id,
			Request: Request{
				Proto: g.field(), ProtoMajor: int(g.integer()), ProtoMinor: int(g.integer()), ContentLength: g.integer(),
				TransferEncoding: g.list(), Trailer: g.headers(), Host: g.field(), RemoteAddr: g.field(), RequestURI: g.field(),
				Body: g.body(), Form: g.headers(), Headers: g.headers(), URL: g.field(), Method: g.field(),
			},
			Response: Response{
				Proto: g.field(), ProtoMajor: int(g.integer()), ProtoMinor: int(g.integer()), TransferEncoding: g.list(), Trailer: g.headers(),
				ContentLength: g.integer(), Uncompressed: g.rand.Intn(2) == 0, Body: g.body(), Headers: g.headers(), Status: g.field(),
				Code: g.code(), Duration: g.duration(),
			},
		})
	}
	return c
}
