package server

import "context"

// hlsJob is the encode of videos for streaming, nil when MEDIAGRAPH_HLS is off.
func (a *App) hlsJob() func(ctx context.Context, assetID string) error {
	if !a.Media.AV.HLSOn() {
		return nil
	}
	return a.Media.AV.EncodeHLS
}
