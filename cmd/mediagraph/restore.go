package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/catalogue"
	"github.com/mediagraph/mediagraph/media/intake"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/server"
)

// restore reads an export back (import --manifest): its collections and assets under their ids, with
// their metadata, tags and usages. An asset whose id is already there is skipped, so an interrupted
// restore is run again to finish.
func restore(ctx context.Context, app *server.App, root string, stdout io.Writer) error {
	var m manifest
	if err := readJSON(filepath.Join(root, manifestName), &m); err != nil {
		return err
	}
	if m.Format != exportFormat {
		return fmt.Errorf("%s: format %q, want %q", manifestName, m.Format, exportFormat)
	}
	for _, c := range m.Collections {
		if _, err := app.Media.Collections.RestoreCollection(ctx, c.ID, c.Name, c.ParentID); err != nil {
			return fmt.Errorf("collection %s (%s): %w", c.ID, c.Dir, err)
		}
	}
	t := &tally{}
	// Entries in the order the export met them, so that each asset's usages come back in its order.
	entries := map[models.EntryRef]*entryRefs{}
	var order []models.EntryRef
	for _, ma := range m.Assets {
		var sc sidecar
		if err := readJSON(inside(root, ma.Sidecar), &sc); err != nil {
			return err
		}
		outcome, err := restoreAsset(ctx, app, root, ma, sc)
		if err != nil && !isRefusal(err) {
			return fmt.Errorf("asset %s: %w", ma.ID, err)
		}
		t.add(sourceFile{path: ma.File, size: ma.Size}, outcome, err)
		for _, u := range sc.Usages {
			ref := models.EntryRef{Type: u.EntryType, ID: u.EntryID, Field: u.Field, Locale: u.Locale}
			if entries[ref] == nil {
				entries[ref] = &entryRefs{}
				order = append(order, ref)
			}
			entries[ref].ids = append(entries[ref].ids, sc.ID)
			entries[ref].live = entries[ref].live || u.Live
		}
	}
	for _, ref := range order {
		e := entries[ref]
		if _, err := app.Media.Usages.SyncEntryReferences(ctx, ref, e.ids, e.live); err != nil {
			return fmt.Errorf("usages of entry %s/%s: %w", ref.Type, ref.ID, err)
		}
	}
	fmt.Fprintf(stdout, "restored %d collections and the usages of %d entries\n", len(m.Collections), len(entries))
	return summarize(ctx, t, stdout)
}

// entryRefs are the assets one entry references, as the export found them.
type entryRefs struct {
	ids  []string
	live bool
}

func isRefusal(err error) bool {
	e, ok := access.AsError(err)
	return ok && e.Code != access.CodeInternal
}

// inside resolves a path of the manifest within root, refusing one that would leave it.
func inside(root, rel string) string {
	return filepath.Join(root, filepath.FromSlash(filepath.Clean("/"+rel)))
}

func restoreAsset(ctx context.Context, app *server.App, root string, ma manifestAsset, sc sidecar) (string, error) {
	if sc.ID != ma.ID {
		return "", fmt.Errorf("the sidecar %s describes %s", ma.Sidecar, sc.ID)
	}
	if _, err := app.Media.Assets.Asset(ctx, ma.ID); err == nil {
		return "skipped", nil
	} else if e, ok := access.AsError(err); !ok || e.Code != access.CodeNotFound {
		return "", err
	}
	in, err := os.Open(inside(root, ma.File))
	if err != nil {
		return "", err
	}
	defer in.Close()
	status := models.AssetStatus(sc.Status)
	opts := intake.UploadOptions{Status: &status, CollectionID: sc.CollectionID, Tags: sc.Tags, Author: sc.Author, Copyright: sc.Copyright, Notes: sc.Notes}
	for _, md := range sc.Metadata {
		opts.Metadata = append(opts.Metadata, catalogue.MetadataChange{
			Locale: md.Locale, Alt: set(md.Alt), Title: set(md.Title), FocalPoint: set(md.FocalPoint), CustomData: set(md.CustomData),
		})
	}
	if _, err := app.Media.Intake.RestoreAsset(ctx, ma.ID, intake.UploadFile{Name: sc.Filename, Size: ma.Size, Body: in}, opts); err != nil {
		return "", err
	}
	if sc.AvailableFrom != nil || sc.AvailableUntil != nil {
		ch := catalogue.AssetChanges{AvailableFrom: set(sc.AvailableFrom), AvailableUntil: set(sc.AvailableUntil)}
		if _, err := app.Media.Assets.UpdateAssets(ctx, []string{ma.ID}, ch); err != nil {
			return "", err
		}
	}
	return "imported", nil
}

func set[T any](v T) catalogue.Optional[T] { return catalogue.Optional[T]{Set: true, Value: v} }

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}
