package placeholder

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
)

// maxLQIP is the largest data URI LQIP returns: placeholders travel inside every list response.
const maxLQIP = 1024

// LQIP is a tiny version of p as a data URI under 1 KB (JPEG, or PNG when p has transparency), for
// browsers to stretch, blurred, while the image loads.
func LQIP(p Pixels) (string, error) {
	if err := p.check(); err != nil {
		return "", fmt.Errorf("lqip: %w", err)
	}
	for side := 16; side >= 4; side -= 4 {
		uri, err := encodeLQIP(shrink(p, side))
		if err != nil {
			return "", fmt.Errorf("lqip: %w", err)
		}
		if len(uri) < maxLQIP {
			return uri, nil
		}
	}
	return "", errors.New("lqip: no encoding fits in 1 KB")
}

func encodeLQIP(img *image.NRGBA) (string, error) {
	var buf bytes.Buffer
	mime := "image/jpeg"
	if opaque(img) {
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 40}); err != nil {
			return "", err
		}
	} else {
		mime = "image/png"
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&buf, img); err != nil {
			return "", err
		}
	}
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// shrink averages p down to fit side×side, keeping its shape.
func shrink(p Pixels, side int) *image.NRGBA {
	w, h := side, side
	if p.Width > p.Height {
		h = max(1, (p.Height*side+p.Width/2)/p.Width)
	} else {
		w = max(1, (p.Width*side+p.Height/2)/p.Height)
	}
	w, h = min(w, p.Width), min(h, p.Height)
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		y0, y1 := y*p.Height/h, (y+1)*p.Height/h
		for x := range w {
			x0, x1 := x*p.Width/w, (x+1)*p.Width/w
			var sum [4]int
			for sy := y0; sy < y1; sy++ {
				for sx := x0; sx < x1; sx++ {
					i := (sy*p.Width + sx) * 4
					a := int(p.RGBA[i+3])
					// weigh colors by opacity so that invisible pixels do not tint the edges
					sum[0] += int(p.RGBA[i]) * a
					sum[1] += int(p.RGBA[i+1]) * a
					sum[2] += int(p.RGBA[i+2]) * a
					sum[3] += a
				}
			}
			o := out.PixOffset(x, y)
			n := (y1 - y0) * (x1 - x0)
			if sum[3] > 0 {
				out.Pix[o], out.Pix[o+1], out.Pix[o+2] = uint8(sum[0]/sum[3]), uint8(sum[1]/sum[3]), uint8(sum[2]/sum[3])
			}
			out.Pix[o+3] = uint8(sum[3] / n)
		}
	}
	return out
}

func opaque(img *image.NRGBA) bool {
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] != 255 {
			return false
		}
	}
	return true
}
