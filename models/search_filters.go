package models

// AspectRatioBucket is a coarse class of shape, as Cloudinary's advanced search offers it.
type AspectRatioBucket string

const (
	BucketSquare    AspectRatioBucket = "SQUARE"    // as wide as tall
	BucketPortrait  AspectRatioBucket = "PORTRAIT"  // taller than wide
	BucketLandscape AspectRatioBucket = "LANDSCAPE" // wider than tall, less than twice
	BucketPanorama  AspectRatioBucket = "PANORAMA"  // at least twice as wide as tall
)

// AspectRatioBucketFilter matches assets by their class of shape.
type AspectRatioBucketFilter struct {
	Eq *AspectRatioBucket
	In []AspectRatioBucket
}

// The SQL of the shape classes, and of the year a photo was taken (kept in its search document,
// which is rebuilt whenever its analysis changes).
const (
	aspectRatioBucketSQL = "(CASE WHEN cv.width > 0 AND cv.height > 0 THEN CASE WHEN cv.width = cv.height THEN 'SQUARE'" +
		" WHEN cv.width >= 2 * cv.height THEN 'PANORAMA' WHEN cv.width > cv.height THEN 'LANDSCAPE' ELSE 'PORTRAIT' END END)"
	takenYearSQL = "(SELECT sd.taken_year FROM search_docs sd WHERE sd.asset_id = assets.id)"
)
