package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mediagraph/mediagraph/media/access"
	"github.com/mediagraph/mediagraph/media/deliver"
	"github.com/mediagraph/mediagraph/models"
	"github.com/mediagraph/mediagraph/server"
)

// exportFormat names the layout of an export, for the import that reads it back.
const exportFormat = "mediagraph-export/1"

// manifestName is the export's table of contents, at its root.
const manifestName = "manifest.json"

// manifest lists an export: its collections (parents first) and its assets with their files.
type manifest struct {
	Format      string               `json:"format"`
	ExportedAt  time.Time            `json:"exportedAt"`
	Collections []manifestCollection `json:"collections"`
	Assets      []manifestAsset      `json:"assets"`
}

type manifestCollection struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	ParentID *string `json:"parentId"`
	// Dir is the collection's folder, relative to the export's root.
	Dir string `json:"dir"`
}

type manifestAsset struct {
	ID string `json:"id"`
	// File and Sidecar are relative to the export's root.
	File    string `json:"file"`
	Sidecar string `json:"sidecar"`
	SHA256  string `json:"sha256"`
	Size    int64  `json:"size"`
}

// sidecar is everything an asset is besides its bytes, written beside them as FILE.json.
type sidecar struct {
	ID             string            `json:"id"`
	Filename       string            `json:"filename"`
	Status         string            `json:"status"`
	CollectionID   *string           `json:"collectionId"`
	Author         *string           `json:"author"`
	Copyright      *string           `json:"copyright"`
	Notes          *string           `json:"notes"`
	AvailableFrom  *time.Time        `json:"availableFrom"`
	AvailableUntil *time.Time        `json:"availableUntil"`
	Tags           []string          `json:"tags"`
	Metadata       []sidecarMetadata `json:"metadata"`
	Usages         []sidecarUsage    `json:"usages"`
	// Versions lists the earlier versions' files, with --versions only.
	Versions  []sidecarVersion `json:"versions,omitempty"`
	Kind      string           `json:"kind"`
	MimeType  string           `json:"mimeType"`
	Size      int64            `json:"size"`
	SHA256    string           `json:"sha256"`
	Width     *int             `json:"width"`
	Height    *int             `json:"height"`
	Version   int              `json:"version"`
	CreatedAt time.Time        `json:"createdAt"`
	UpdatedAt time.Time        `json:"updatedAt"`
}

type sidecarMetadata struct {
	Locale     string             `json:"locale"`
	Alt        *string            `json:"alt"`
	Title      *string            `json:"title"`
	FocalPoint *models.FocalPoint `json:"focalPoint"`
	CustomData models.JSONObject  `json:"customData"`
}

type sidecarVersion struct {
	Number   int       `json:"number"`
	Filename string    `json:"filename"`
	File     string    `json:"file"`
	MimeType string    `json:"mimeType"`
	Size     int64     `json:"size"`
	SHA256   string    `json:"sha256"`
	Created  time.Time `json:"createdAt"`
}

type sidecarUsage struct {
	EntryType string `json:"entryType"`
	EntryID   string `json:"entryId"`
	Field     string `json:"field"`
	Locale    string `json:"locale"`
	Live      bool   `json:"live"`
}

// exportPage is how many assets export reads at once.
const exportPage = 200

// export writes the library (or the assets a filter matches) to a folder: the collection tree as
// folders, each asset's current bytes in its collection's folder with a JSON sidecar beside them, and
// a manifest at the root that `import --manifest` restores from.
func export(ctx context.Context, args []string, stdout io.Writer, log *slog.Logger) error {
	var filterJSON string
	var versions bool
	app, rest, err := open(ctx, "export", args, log, func(fs *flag.FlagSet) {
		fs.StringVar(&filterJSON, "filter", "", `an asset filter as in GraphQL, such as {"tags":{"anyIn":["brand"]}}`)
		fs.BoolVar(&versions, "versions", false, "also write every earlier version's bytes, under versions/ID/")
	})
	if err != nil {
		return err
	}
	defer app.Close()
	if len(rest) != 1 {
		return errors.New("usage: mediagraph export [--filter JSON] DIR (flags go before DIR)")
	}
	filter, err := parseFilter(filterJSON)
	if err != nil {
		return err
	}
	ctx = access.WithPrincipal(ctx, access.Operator)
	m, err := exportTo(ctx, app, rest[0], filter, versions)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "exported %d assets in %d collections to %s\n", len(m.Assets), len(m.Collections), rest[0])
	return nil
}

func parseFilter(text string) (*models.AssetFilter, error) {
	if text == "" {
		return nil, nil
	}
	var f models.AssetFilter
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("--filter: %w", err)
	}
	return &f, nil
}

func exportTo(ctx context.Context, app *server.App, root string, filter *models.AssetFilter, versions bool) (*manifest, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	m := &manifest{Format: exportFormat, ExportedAt: models.Now()}
	dirs := map[string]string{}
	if err := exportCollections(ctx, app, nil, ".", dirs, m); err != nil {
		return nil, err
	}
	taken := map[string]bool{}
	var after *string
	for {
		first := exportPage
		page, err := app.Media.Assets.ListAssets(ctx, filter, models.OrderCreatedAtAsc, models.PageRequest{First: &first, After: after})
		if err != nil {
			return nil, err
		}
		if err := exportAssets(ctx, app, root, page.Nodes, dirs, taken, versions, m); err != nil {
			return nil, err
		}
		info, err := page.PageInfo()
		if err != nil {
			return nil, err
		}
		if !info.HasNextPage {
			break
		}
		after = info.EndCursor
	}
	return m, writeJSON(filepath.Join(root, manifestName), m)
}

// exportCollections lists the collections under parent into m, parents first, with their folders.
func exportCollections(ctx context.Context, app *server.App, parent *string, dir string, dirs map[string]string, m *manifest) error {
	children, err := app.Media.Collections.Collections(ctx, parent)
	if err != nil {
		return err
	}
	for _, c := range children {
		d := filepath.Join(dir, folderName(c.Name))
		dirs[c.ID] = d
		m.Collections = append(m.Collections, manifestCollection{ID: c.ID, Name: c.Name, ParentID: c.ParentID, Dir: filepath.ToSlash(d)})
		if err := exportCollections(ctx, app, &c.ID, d, dirs, m); err != nil {
			return err
		}
	}
	return nil
}

// folderName keeps a collection's name a single folder: names never hold "/", but "." and ".." would
// mean other folders.
func folderName(name string) string {
	if strings.Trim(name, ".") == "" {
		return strings.ReplaceAll(name, ".", "_")
	}
	return name
}

func exportAssets(ctx context.Context, app *server.App, root string, assets []*models.Asset, dirs map[string]string, taken map[string]bool, versions bool, m *manifest) error {
	ids := make([]string, len(assets))
	for i, a := range assets {
		ids[i] = a.ID
	}
	tags, err := app.Media.Tags.TagsForAssets(ctx, ids)
	if err != nil {
		return err
	}
	meta, err := app.Media.Assets.MetadataForAssets(ctx, ids)
	if err != nil {
		return err
	}
	usages, err := app.Media.Usages.UsagesForAssets(ctx, ids)
	if err != nil {
		return err
	}
	var earlier map[string][]*models.AssetVersion
	if versions {
		if earlier, err = app.Media.Assets.VersionsForAssets(ctx, ids); err != nil {
			return err
		}
	}
	for _, a := range assets {
		dir := "."
		if a.CollectionID != nil {
			dir = dirs[*a.CollectionID]
		}
		file := filepath.ToSlash(filepath.Join(dir, uniqueName(taken, dir, a)))
		if err := exportBytes(ctx, app, a.ID, 0, filepath.Join(root, file)); err != nil {
			return err
		}
		sc := sidecarOf(a, tags[a.ID], meta[a.ID], usages[a.ID])
		if sc.Versions, err = exportVersions(ctx, app, root, a, earlier[a.ID]); err != nil {
			return err
		}
		if err := writeJSON(filepath.Join(root, file+".json"), sc); err != nil {
			return err
		}
		m.Assets = append(m.Assets, manifestAsset{ID: a.ID, File: file, Sidecar: file + ".json", SHA256: a.SHA256, Size: a.Size})
	}
	return nil
}

// uniqueName is the asset's filename in its folder, or, when another asset there has it already,
// the name with the asset's id before the extension.
func uniqueName(taken map[string]bool, dir string, a *models.Asset) string {
	name := a.Filename
	if taken[dir+"/"+strings.ToLower(name)] {
		ext := filepath.Ext(name)
		name = strings.TrimSuffix(name, ext) + "-" + a.ID + ext
	}
	taken[dir+"/"+strings.ToLower(name)] = true
	return name
}

// exportVersions writes the versions of a before its current one, under versions/ID/.
func exportVersions(ctx context.Context, app *server.App, root string, a *models.Asset, versions []*models.AssetVersion) ([]sidecarVersion, error) {
	var out []sidecarVersion
	for _, v := range versions {
		if v.Number == a.Version {
			continue
		}
		file := fmt.Sprintf("versions/%s/%d-%s", a.ID, v.Number, v.Filename)
		if err := exportBytes(ctx, app, a.ID, v.Number, filepath.Join(root, file)); err != nil {
			return nil, err
		}
		out = append(out, sidecarVersion{Number: v.Number, Filename: v.Filename, File: file, MimeType: v.MimeType, Size: v.Size, SHA256: v.SHA256, Created: v.CreatedAt})
	}
	return out, nil
}

// exportBytes copies the bytes of an asset's version (0: the current one), as the gate would deliver
// them to an editor.
func exportBytes(ctx context.Context, app *server.App, id string, version int, path string) error {
	d, err := app.Media.Deliver.Deliver(ctx, deliver.DeliveryRequest{AssetID: id, Version: version, Path: "/media/asset/" + id})
	if err != nil {
		return fmt.Errorf("export %s: %w", id, err)
	}
	defer d.Close()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("export %s: %w", id, err)
	}
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("export %s: %w", id, err)
	}
	var body io.Reader = bytes.NewReader(d.Bytes)
	if d.Body != nil {
		body = d.Body
	}
	if _, err := io.Copy(out, body); err != nil {
		out.Close()
		return fmt.Errorf("export %s: %w", id, err)
	}
	return out.Close()
}

func sidecarOf(a *models.Asset, tags []*models.Tag, meta []*models.AssetMetadata, usages []*models.Usage) sidecar {
	sc := sidecar{
		ID: a.ID, Filename: a.Filename, Status: string(a.Status), CollectionID: a.CollectionID,
		Author: a.Author, Copyright: a.Copyright, Notes: a.Notes, AvailableFrom: a.AvailableFrom, AvailableUntil: a.AvailableUntil,
		Kind: string(a.Kind), MimeType: a.MimeType, Size: a.Size, SHA256: a.SHA256, Width: a.Width, Height: a.Height,
		Version: a.Version, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
		Tags: []string{}, Metadata: []sidecarMetadata{}, Usages: []sidecarUsage{},
	}
	for _, t := range tags {
		sc.Tags = append(sc.Tags, t.Name)
	}
	for _, md := range meta {
		m := sidecarMetadata{Locale: md.Locale, Alt: md.Alt, Title: md.Title, CustomData: md.CustomData}
		if md.FocalX != nil && md.FocalY != nil {
			m.FocalPoint = &models.FocalPoint{X: *md.FocalX, Y: *md.FocalY}
		}
		sc.Metadata = append(sc.Metadata, m)
	}
	for _, u := range usages {
		sc.Usages = append(sc.Usages, sidecarUsage{EntryType: u.EntryType, EntryID: u.EntryID, Field: u.Field, Locale: u.Locale, Live: u.Live})
	}
	return sc
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
