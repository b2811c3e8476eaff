# Mediagraph in a container: a Debian build stage with Go, cgo (SQLite) and the headers of libvips and
# OpenCV's object detection, and a Debian slim runtime with libvips, FFmpeg, OpenCV's libraries and face
# cascades and Tesseract (English), as a non-root user with its data under /data.
#   docker build -t mediagraph .
#   docker run -p 8080:8080 -v mediagraph-data:/data mediagraph
FROM golang:1.26-bookworm AS build
RUN apt-get update -q && apt-get install -y -q --no-install-recommends libvips-dev pkg-config \
	libopencv-objdetect-dev libopencv-imgproc-dev libopencv-core-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -trimpath -ldflags="-s -w" -o /out/mediagraph ./cmd/mediagraph

FROM debian:bookworm-slim
RUN apt-get update -q && apt-get install -y -q --no-install-recommends libvips42 ffmpeg ca-certificates curl \
	libopencv-objdetect406 libopencv-imgproc406 libopencv-core406 opencv-data tesseract-ocr tesseract-ocr-eng \
	&& rm -rf /var/lib/apt/lists/* \
	&& useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin mediagraph \
	&& mkdir -p /data && chown mediagraph /data
COPY --from=build /out/mediagraph /usr/local/bin/mediagraph
USER mediagraph
ENV MEDIAGRAPH_DATA_DIR=/data MEDIAGRAPH_ADDR=:8080 MEDIAGRAPH_LOG_FORMAT=json
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["mediagraph"]
CMD ["serve"]
