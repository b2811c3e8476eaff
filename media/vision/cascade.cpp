//go:build !noopencv

#include "cascade.h"

#include <cstring>
#include <exception>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

static void set_error(char *err, int errlen, const char *msg) {
	if (errlen <= 0) return;
	std::strncpy(err, msg, errlen - 1);
	err[errlen - 1] = 0;
}

extern "C" void *mg_cascade_load(const char *path, char *err, int errlen) {
	try {
		// Analysis runs as several jobs at once on few cores: OpenCV's own thread pool would only
		// oversubscribe them.
		cv::setNumThreads(1);
		auto *c = new cv::CascadeClassifier();
		if (!c->load(path) || c->empty()) {
			delete c;
			set_error(err, errlen, "the cascade file could not be read");
			return nullptr;
		}
		return c;
	} catch (const std::exception &e) {
		set_error(err, errlen, e.what());
		return nullptr;
	}
}

extern "C" void mg_cascade_free(void *cascade) { delete static_cast<cv::CascadeClassifier *>(cascade); }

extern "C" int mg_cascade_detect(void *cascade, const unsigned char *grey, int width, int height, int min_side,
	mg_rect *out, int max, char *err, int errlen) {
	try {
		// The Mat borrows the caller's pixels: the equalized copy is OpenCV's own.
		cv::Mat in(height, width, CV_8UC1, const_cast<unsigned char *>(grey));
		cv::Mat eq;
		cv::equalizeHist(in, eq);
		std::vector<cv::Rect> found;
		static_cast<cv::CascadeClassifier *>(cascade)->detectMultiScale(
			eq, found, 1.2, 4, cv::CASCADE_SCALE_IMAGE, cv::Size(min_side, min_side));
		for (size_t i = 0; i < found.size() && (int)i < max; i++) {
			out[i] = mg_rect{found[i].x, found[i].y, found[i].width, found[i].height};
		}
		return (int)found.size();
	} catch (const std::exception &e) {
		set_error(err, errlen, e.what());
		return -1;
	}
}
