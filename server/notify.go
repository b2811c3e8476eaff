package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/mediagraph/mediagraph/jobs"
	"github.com/mediagraph/mediagraph/media/notify"
	"github.com/mediagraph/mediagraph/server/gqlhttp"
)

// deliveryFields are the fields of a webhook payload's asset: what a DELIVERY token reads, and its
// status. managementFields are added for webhooks that ask for them (includeManagementFields).
const (
	deliveryFields = `id kind status filename basename format mimeType size width height aspectRatio orientation
		duration frameCount frameRate videoCodec audioCodec bitrate pageCount hasAlpha colorSpace colors { hex }
		blurhash thumbhash lqip smartTags path url availableFrom availableUntil alt title focalPoint { x y }
		customData author copyright tags { id name } collection { id name } inUse createdAt updatedAt
		version`
	managementFields = `notes processingError deletedAt createdBy { id name } updatedBy { id name }
		defaultFieldMetadata { locale alt title }`
	// deliveryWorkers is how many webhook attempts run at once on an instance: they mostly wait.
	deliveryWorkers  = 10
	logSweepInterval = time.Hour
	// renderChunk bounds the assets of one rendering query, within the complexity limit.
	renderChunk = 100
)

func renderQuery(management bool) string {
	fields := deliveryFields
	if management {
		fields += " " + managementFields
	}
	return `query Render($ids: [ID!]!, $n: Int!) {
		live: assets(filter: { ids: { in: $ids } }, first: $n) { nodes { ...A } }
		trashed: assets(filter: { ids: { in: $ids }, deleted: true }, first: $n) { nodes { ...A } }
	}
	fragment A on Asset { ` + fields + ` }`
}

// renderer renders webhook payloads' assets through the real schema, as the principal of the
// context (the service's own, which sees every asset, trashed ones included).
func renderer(exec *gqlhttp.Executor) notify.Renderer {
	queries := map[bool]string{false: renderQuery(false), true: renderQuery(true)}
	return func(ctx context.Context, ids []string, management bool) (map[string]json.RawMessage, error) {
		out := make(map[string]json.RawMessage, len(ids))
		for start := 0; start < len(ids); start += renderChunk {
			chunk := ids[start:min(start+renderChunk, len(ids))]
			data, err := exec.Run(ctx, queries[management], map[string]any{"ids": chunk, "n": len(chunk)})
			if err != nil {
				return nil, err
			}
			var res map[string]struct {
				Nodes []json.RawMessage `json:"nodes"`
			}
			if err := json.Unmarshal(data, &res); err != nil {
				return nil, fmt.Errorf("decode rendered assets: %w", err)
			}
			for _, list := range res {
				for _, node := range list.Nodes {
					var id struct{ ID string }
					if err := json.Unmarshal(node, &id); err != nil {
						return nil, fmt.Errorf("decode rendered asset: %w", err)
					}
					out[id.ID] = node
				}
			}
		}
		return out, nil
	}
}

// wireNotify hands the webhooks what the edge and the queue provide. The queue exists once the jobs
// start; a delivery asked for before (by a command that runs none) waits in the database.
func (a *App) wireNotify() {
	exec := gqlhttp.NewExecutor(gqlhttp.Options{Media: a.Media, Log: a.Log})
	a.Media.Webhooks.Wire(renderer(exec), func(ctx context.Context, ids []string) error {
		q := a.queue.Load()
		if q == nil {
			return errors.New("the job queue is not running")
		}
		return q.Enqueue(ctx, notify.DeliveryKind, ids)
	})
	a.Subscribe(a.Media.Webhooks.Subscriber)
	a.Media.Webhooks.OnAttempt = a.metrics.WebhookAttempt
}

// notifyJobs are the jobs of webhooks — the attempts of each delivery and the sweep of their log — and
// the sweep of the audit log.
func (a *App) notifyJobs() ([]jobs.Attempted, []jobs.Periodic) {
	w := a.Media.Webhooks
	return []jobs.Attempted{{
			Kind: notify.DeliveryKind, Workers: deliveryWorkers, MaxAttempts: notify.MaxAttempts,
			Timeout: w.AttemptTimeout(), Backoff: w.Backoff, Run: w.Attempt,
		}}, []jobs.Periodic{
			{Kind: "sweep_webhook_log", Every: logSweepInterval, Run: w.SweepLog, Done: "deleted old webhook deliveries"},
			{Kind: "sweep_audit_log", Every: logSweepInterval, Run: a.Media.Audit.Sweep, Done: "deleted events past the audit retention"},
		}
}
