package uz.qamrov.planner.ingest;

/**
 * What the first read of a streamed upload learnt: the header (format refined to its dialect, columns, CRS, notes; no
 * features) and how many rows or features the file has. The import job reads the file again, as a stream.
 */
record StreamedFile(ParsedFile header, int rows) {
}
