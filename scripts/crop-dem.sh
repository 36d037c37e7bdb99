#!/bin/sh
# Crops the SRTM 3″ tiles N49E011 and N50E011 (NASA, public domain) to the north-Bayreuth test
# area (11.39–11.68 E, 49.87–50.11 N) as one small GeoTIFF (EPSG:4326, int16, deflate), sample
# for sample (no resampling). Usage: scripts/crop-dem.sh DIR_WITH_HGT_ZIPS OUT.tif  (needs gdal-bin)
set -eu
src=$1
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gdalbuildvrt -q "$tmp/both.vrt" "/vsizip/$src/N49E011.hgt.zip/N49E011.hgt" "/vsizip/$src/N50E011.hgt.zip/N50E011.hgt"
gdal_translate -q -projwin 11.39 50.11 11.68 49.87 -co COMPRESS=DEFLATE -co PREDICTOR=2 "$tmp/both.vrt" "$out"
