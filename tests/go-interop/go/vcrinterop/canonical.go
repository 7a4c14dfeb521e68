package main

import (
	"encoding/base64"
	"sort"
	"strconv"
)

// Canonical values of a cassette, for comparing with what tapedeck read: every
// string as base64 of its bytes (so bytes that are not UTF-8 survive JSON),
// every integer as decimal text, empty lists and maps left out (Go cannot tell
// them from absent after omitempty), durations as time.Duration.String().

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func strings64(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = b64(s)
	}
	return out
}

func headers64(h map[string][]string) [][]interface{} {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	out := [][]interface{}{}
	for _, name := range names {
		out = append(out, []interface{}{b64(name), strings64(h[name])})
	}
	return out
}

func put(m map[string]interface{}, key string, value interface{}) {
	switch v := value.(type) {
	case []string:
		if len(v) == 0 {
			return
		}
	case [][]interface{}:
		if len(v) == 0 {
			return
		}
	case string:
		if v == "" {
			return
		}
	}
	m[key] = value
}

func canonical(c *Cassette) map[string]interface{} {
	interactions := []interface{}{}
	for _, i := range c.Interactions {
		q := map[string]interface{}{}
		put(q, "proto", b64(i.Request.Proto))
		put(q, "proto_major", strconv.Itoa(i.Request.ProtoMajor))
		put(q, "proto_minor", strconv.Itoa(i.Request.ProtoMinor))
		put(q, "content_length", strconv.FormatInt(i.Request.ContentLength, 10))
		put(q, "transfer_encoding", strings64(i.Request.TransferEncoding))
		put(q, "trailer", headers64(i.Request.Trailer))
		put(q, "host", b64(i.Request.Host))
		put(q, "remote_addr", b64(i.Request.RemoteAddr))
		put(q, "request_uri", b64(i.Request.RequestURI))
		put(q, "body", b64(i.Request.Body))
		put(q, "form", headers64(i.Request.Form))
		put(q, "headers", headers64(i.Request.Headers))
		put(q, "url", b64(i.Request.URL))
		put(q, "method", b64(i.Request.Method))
		s := map[string]interface{}{}
		put(s, "proto", b64(i.Response.Proto))
		put(s, "proto_major", strconv.Itoa(i.Response.ProtoMajor))
		put(s, "proto_minor", strconv.Itoa(i.Response.ProtoMinor))
		put(s, "transfer_encoding", strings64(i.Response.TransferEncoding))
		put(s, "trailer", headers64(i.Response.Trailer))
		put(s, "content_length", strconv.FormatInt(i.Response.ContentLength, 10))
		put(s, "uncompressed", strconv.FormatBool(i.Response.Uncompressed))
		put(s, "body", b64(i.Response.Body))
		put(s, "headers", headers64(i.Response.Headers))
		put(s, "status", b64(i.Response.Status))
		put(s, "code", strconv.Itoa(i.Response.Code))
		put(s, "duration", i.Response.Duration.String())
		interactions = append(interactions, map[string]interface{}{"id": strconv.Itoa(i.ID), "request": q, "response": s})
	}
	return map[string]interface{}{"version": strconv.Itoa(c.Version), "interactions": interactions}
}
