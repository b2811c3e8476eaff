package server

import (
	"context"
	"errors"

	"github.com/mediagraph/mediagraph/jobs"
)

// wireVision queues the analysis of new images' pixels from the events, when vision is on.
func (a *App) wireVision() {
	if !a.Media.Vision.Enabled() {
		return
	}
	a.Subscribe(jobs.VisionOfEvents(func(ctx context.Context, kind string, ids []string) error {
		q := a.queue.Load()
		if q == nil {
			return errors.New("the job queue is not running")
		}
		return q.Enqueue(ctx, kind, ids)
	}))
}

// visionJobs is the work of the vision analysis, for StartJobs.
func (a *App) visionJobs() []jobs.Attempted {
	return []jobs.Attempted{jobs.Vision(a.Media.Vision.Analyze)}
}
