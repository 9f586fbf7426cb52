package dev.druidtasks.server.ingest.read;

/** Reads the columns of one line into {@link RowValues}; one reader per input file. */
public interface RowReader {
  /**
   * @return false when the line holds no row (blank, skipped header)
   * @throws UnparseableRowException when the line cannot be read as a row
   */
  boolean read(byte[] line, int off, int len, RowValues row) throws UnparseableRowException;

  /** A line that is not a row of the input format. */
  final class UnparseableRowException extends Exception {
    UnparseableRowException(String message) {
      super(message, null, false, false);
    }
  }
}
