package photometa

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	dcNS  = "http://purl.org/dc/elements/1.1/"
	xmlNS = "http://www.w3.org/XML/1998/namespace"

	// maxXMPDepth bounds the recursion of nested values; real packets nest
	// structs in arrays a handful of levels deep.
	maxXMPDepth = 32
)

var (
	rdfRDF         = xml.Name{Space: rdfNS, Local: "RDF"}
	rdfDescription = xml.Name{Space: rdfNS, Local: "Description"}
	rdfResource    = xml.Name{Space: rdfNS, Local: "resource"}
	xmlLang        = xml.Name{Space: xmlNS, Local: "lang"}
)

type xmpParser struct {
	d *xml.Decoder
	// prefixes maps each namespace URI to the first prefix the packet
	// declared for it, so Raw keys read as the packet does ("dc:title").
	prefixes map[string]string
}

func parseXMP(blob []byte) (Credits, map[string]any, error) {
	b := bytes.TrimPrefix(blob, []byte("http://ns.adobe.com/xap/1.0/\x00"))
	b = bytes.TrimPrefix(bytes.Trim(b, "\x00 \t\r\n"), []byte("\ufeff"))
	if len(b) == 0 {
		return Credits{}, nil, nil
	}
	p := &xmpParser{d: xml.NewDecoder(bytes.NewReader(b)), prefixes: map[string]string{}}
	raw := map[string]any{}
	err := p.walk(raw)
	dc := func(local string) any { return raw[p.key(xml.Name{Space: dcNS, Local: local})] }
	c := Credits{
		Title:       nonEmpty(firstText(dc("title"))),
		Creator:     nonEmpty(firstText(dc("creator"))),
		Copyright:   nonEmpty(firstText(dc("rights"))),
		Description: nonEmpty(firstText(dc("description"))),
		Keywords:    texts(dc("subject")),
	}
	return c, raw, err
}

// walk adds the properties of every top-level rdf:Description to raw.
func (p *xmpParser) walk(raw map[string]any) error {
	for {
		tok, err := p.next()
		if err == io.EOF {
			return errors.New("no </rdf:RDF> before the end of the packet")
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name != rdfDescription {
				continue
			}
			v, err := p.value(t, 1)
			if props, ok := v.(map[string]any); ok {
				for k, v := range props {
					if _, dup := raw[k]; !dup {
						raw[k] = v
					}
				}
			}
			if err != nil {
				return err
			}
		case xml.EndElement:
			if t.Name == rdfRDF {
				// What follows is padding and the xpacket trailer.
				return nil
			}
		}
	}
}

// value reads the element start through its end tag: text, an array, or a
// struct (an rdf:Description, rdf:parseType="Resource", or properties
// written as attributes). On error it returns what it read so far.
func (p *xmpParser) value(start xml.StartElement, depth int) (any, error) {
	if depth > maxXMPDepth {
		return nil, fmt.Errorf("values nest deeper than %d levels", maxXMPDepth)
	}
	var fields map[string]any
	set := func(k string, v any) {
		if v == nil {
			return
		}
		if fields == nil {
			fields = map[string]any{}
		}
		if _, dup := fields[k]; !dup {
			fields[k] = v
		}
	}
	for _, a := range start.Attr {
		if isProperty(a.Name) {
			set(p.key(a.Name), a.Value)
		}
	}
	var text strings.Builder
	var inner any
	result := func() any {
		switch {
		case inner != nil:
			return inner
		case len(fields) > 0:
			return fields
		}
		if s := strings.TrimSpace(text.String()); s != "" {
			return s
		}
		for _, a := range start.Attr {
			if a.Name == rdfResource && a.Value != "" {
				return a.Value
			}
		}
		return nil
	}
	for {
		tok, err := p.next()
		if err != nil {
			return result(), err
		}
		switch t := tok.(type) {
		case xml.CharData:
			text.Write(t)
		case xml.StartElement:
			var v any
			switch {
			case t.Name.Space == rdfNS && (t.Name.Local == "Alt" || t.Name.Local == "Seq" || t.Name.Local == "Bag"):
				inner, err = p.array(t, depth+1)
			case t.Name == rdfDescription:
				inner, err = p.value(t, depth+1)
			default:
				v, err = p.value(t, depth+1)
				set(p.key(t.Name), v)
			}
			if err != nil {
				return result(), err
			}
		case xml.EndElement:
			return result(), nil
		}
	}
}

// array reads an rdf:Alt, rdf:Seq or rdf:Bag. An Alt collapses to its
// x-default item (or its first), which is what a reader shows.
func (p *xmpParser) array(start xml.StartElement, depth int) (any, error) {
	var items []any
	var preferred any
	collect := func() any {
		if start.Name.Local == "Alt" {
			if preferred == nil && len(items) > 0 {
				return items[0]
			}
			return preferred
		}
		return list(items)
	}
	for {
		tok, err := p.next()
		if err != nil {
			return collect(), err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			v, err := p.value(t, depth+1)
			if v != nil {
				items = append(items, v)
				if preferred == nil && attr(t, xmlLang) == "x-default" {
					preferred = v
				}
			}
			if err != nil {
				return collect(), err
			}
		case xml.EndElement:
			return collect(), nil
		}
	}
}

// next is Decoder.Token, noting the prefixes each element declares.
func (p *xmpParser) next() (xml.Token, error) {
	tok, err := p.d.Token()
	if t, ok := tok.(xml.StartElement); ok {
		for _, a := range t.Attr {
			if _, seen := p.prefixes[a.Value]; a.Name.Space == "xmlns" && !seen {
				p.prefixes[a.Value] = a.Name.Local
			}
		}
	}
	return tok, err
}

func (p *xmpParser) key(n xml.Name) string {
	prefix, ok := p.prefixes[n.Space]
	if !ok {
		prefix = n.Space // undeclared, so the decoder left the prefix as written
	}
	if prefix == "" {
		return n.Local
	}
	return prefix + ":" + n.Local
}

// isProperty tells XMP properties written as attributes from RDF syntax,
// xml:lang and namespace declarations.
func isProperty(n xml.Name) bool {
	return n.Space != "" && n.Space != "xmlns" && n.Space != rdfNS && n.Space != xmlNS
}

func attr(e xml.StartElement, n xml.Name) string {
	for _, a := range e.Attr {
		if a.Name == n {
			return a.Value
		}
	}
	return ""
}

// list is items as []string when they are all text, the common case,
// and as []any when some are structs.
func list(items []any) any {
	if len(items) == 0 {
		return nil
	}
	strs := make([]string, len(items))
	for i, v := range items {
		s, ok := v.(string)
		if !ok {
			return items
		}
		strs[i] = s
	}
	return strs
}

// firstText is the text a reader shows for a value: itself, or the first
// item of an array.
func firstText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []string:
		if len(v) > 0 {
			return v[0]
		}
	case []any:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

func texts(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []string:
		return v
	case []any:
		var out []string
		for _, item := range v {
			if s, ok := item.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
