package server

import (
	"context"
	"errors"

	"github.com/mediagraph/mediagraph/jobs"
)

// wireAnalysis queues the decoding of new bytes' pixels from the events, and the analysis of
// images' pixels when vision is on.
func (a *App) wireAnalysis() {
	a.Subscribe(jobs.AnalysisOfEvents(a.enqueue))
	if a.Media.Vision.Enabled() {
		a.Subscribe(jobs.VisionOfEvents(a.enqueue))
	}
}

// enqueue queues attempted work on the running queue.
func (a *App) enqueue(ctx context.Context, kind string, ids []string) error {
	q := a.queue.Load()
	if q == nil {
		return errors.New("the job queue is not running")
	}
	return q.Enqueue(ctx, kind, ids)
}

// analysisJobs is the work of the analyses, for StartJobs.
func (a *App) analysisJobs() []jobs.Attempted {
	return []jobs.Attempted{jobs.Analysis(a.Media.Intake.CompleteAnalysis), jobs.Vision(a.Media.Vision.Update)}
}
