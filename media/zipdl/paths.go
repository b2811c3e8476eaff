package zipdl

import (
	"cmp"
	"context"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/mediagraph/mediagraph/models"
)

// entries lists the files of assets: each one's current version (and its older ones when
// includeVersions), under the folders of its collection, named once each.
func (s *Service) entries(ctx context.Context, assets []*models.Asset, includeVersions bool) ([]models.ZipEntry, error) {
	folders, err := s.folders(ctx, assets)
	if err != nil {
		return nil, err
	}
	var older map[string]map[int]*models.AssetVersion
	if includeVersions {
		ids := make([]string, len(assets))
		for i, a := range assets {
			ids[i] = a.ID
		}
		if older, err = s.db.VersionsOf(ctx, ids); err != nil {
			return nil, err
		}
	}
	var out []models.ZipEntry
	for _, a := range assets {
		dir := ""
		if a.CollectionID != nil {
			dir = folders[*a.CollectionID]
		}
		for _, v := range versionsOf(a, older[a.ID]) {
			if !v.Antivirus.Delivers(s.serveUnscanned) {
				continue
			}
			out = append(out, models.ZipEntry{AssetID: a.ID, Number: v.Number, Epoch: a.GrantEpoch, Path: path.Join(dir, fileName(a, v))})
		}
	}
	return dedupe(out), nil
}

// versionsOf is the current version of a, then its older ones (of all, by number).
func versionsOf(a *models.Asset, all map[int]*models.AssetVersion) []*models.AssetVersion {
	out := []*models.AssetVersion{a.AssetVersion}
	numbers := make([]int, 0, len(all))
	for n := range all {
		if n != a.Version {
			numbers = append(numbers, n)
		}
	}
	slices.Sort(numbers)
	for _, n := range numbers {
		out = append(out, all[n])
	}
	return out
}

// fileName is the name of a version in the archive: the asset's for the current one, the version's own
// with its number (photo.v1.jpg) for an older one.
func fileName(a *models.Asset, v *models.AssetVersion) string {
	if v.Number == a.Version {
		return safeSegment(a.Filename)
	}
	ext := path.Ext(v.Filename)
	return safeSegment(strings.TrimSuffix(v.Filename, ext) + ".v" + strconv.Itoa(v.Number) + ext)
}

// folders is the path in the archive of each collection of assets: the names from the root of the tree.
func (s *Service) folders(ctx context.Context, assets []*models.Asset) (map[string]string, error) {
	ids := map[string]bool{}
	for _, a := range assets {
		if a.CollectionID != nil {
			ids[*a.CollectionID] = true
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	direct, err := s.db.CollectionsByID(ctx, keys(ids))
	if err != nil {
		return nil, err
	}
	for _, c := range direct { // a collection's path lists the ids of its ancestors and its own
		for _, id := range strings.Split(strings.Trim(c.Path, "/"), "/") {
			ids[id] = true
		}
	}
	all, err := s.db.CollectionsByID(ctx, keys(ids))
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(all))
	for _, c := range all {
		names[c.ID] = safeSegment(c.Name)
	}
	out := make(map[string]string, len(direct))
	for _, c := range direct {
		var segs []string
		for _, id := range strings.Split(strings.Trim(c.Path, "/"), "/") {
			segs = append(segs, names[id])
		}
		out[c.ID] = strings.Join(segs, "/")
	}
	return out, nil
}

func keys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// safeSegment makes a name one segment of a path in the archive: no separators, no dot-dot, no
// control characters, so that unzipping never writes outside its folder.
func safeSegment(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r < 0x20 || r == 0x7f {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" || strings.Trim(name, ".") == "" {
		return "_" + name
	}
	return name
}

// dedupe names every entry once, case-insensitively (as the file systems of most who unzip): the
// first in path order keeps its name, the next become "name (2).jpg", "name (3).jpg", ….
func dedupe(entries []models.ZipEntry) []models.ZipEntry {
	slices.SortFunc(entries, func(a, b models.ZipEntry) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.AssetID, b.AssetID), cmp.Compare(a.Number, b.Number))
	})
	taken := make(map[string]bool, len(entries))
	for _, e := range entries {
		taken[strings.ToLower(e.Path)] = false
	}
	for i, e := range entries {
		key := strings.ToLower(e.Path)
		if !taken[key] {
			taken[key] = true
			continue
		}
		ext := path.Ext(e.Path)
		base := strings.TrimSuffix(e.Path, ext)
		for n := 2; ; n++ {
			name := base + " (" + strconv.Itoa(n) + ")" + ext
			if _, used := taken[strings.ToLower(name)]; !used {
				taken[strings.ToLower(name)] = true
				entries[i].Path = name
				break
			}
		}
	}
	return entries
}
