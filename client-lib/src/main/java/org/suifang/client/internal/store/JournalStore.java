package org.suifang.client.internal.store;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import javax.crypto.BadPaddingException;
import javax.crypto.SecretKey;

/**
 * The default {@link LocalStore}: a snapshot file plus an append-only journal of checksummed frames
 * in one directory, optionally encrypted with AES-GCM. docs/local-store.md describes the files, the
 * recovery rules and what a crash at each step leaves behind.
 *
 * <p>{@link #open} reads the snapshot and replays the journal into memory; a torn tail is cut at
 * the last good frame, and a damaged journal is first copied aside ({@link #recovery()} says what
 * happened). {@link #commit} appends one frame and fsyncs it; {@link #compact} writes a new
 * snapshot of the next generation and starts that generation's empty journal.
 *
 * <p>Every method blocks on disk I/O. Not thread-safe: the client serialises calls. A directory is
 * held by one open store at a time (a file lock, also across processes). After a write fails,
 * {@link #commit} and {@link #compact} throw {@link StoreException.Code#NEEDS_REOPEN} until the
 * store is reopened.
 */
public final class JournalStore implements LocalStore {
  static final String SNAPSHOT = "snapshot";
  static final String SNAPSHOT_TMP = "snapshot.tmp";
  static final String LOCK = "lock";
  private static final Pattern JOURNAL = Pattern.compile("journal-(\\d{1,18})");
  private static final Pattern JOURNAL_TMP = Pattern.compile("journal-(\\d{1,18})\\.tmp");

  private final File directory;
  @Nullable private final FrameCipher cipher;
  private final FileChannel lockChannel;
  private final RecoveryReport recovery;
  private final List<byte[]> transactions;
  private final int headerLength;
  private long generation;
  private boolean hasSnapshot;

  /**
   * The snapshot as read at open, until {@link #snapshot} hands it over; then, and after a
   * compaction, the file alone holds it. A store does not keep a second copy of the whole state in
   * memory for as long as it is open.
   */
  @Nullable private byte[] openedSnapshot;

  @Nullable private FileChannel journal;
  private long journalEnd;
  private boolean closed;
  @Nullable private IOException failure;

  private JournalStore(
      File directory,
      @Nullable FrameCipher cipher,
      FileChannel lockChannel,
      RecoveryReport recovery,
      long generation,
      @Nullable byte[] snapshot,
      List<byte[]> transactions,
      FileChannel journal,
      long journalEnd) {
    this.directory = directory;
    this.cipher = cipher;
    this.lockChannel = lockChannel;
    this.recovery = recovery;
    this.generation = generation;
    this.hasSnapshot = snapshot != null;
    this.openedSnapshot = snapshot;
    this.transactions = transactions;
    this.journal = journal;
    this.journalEnd = journalEnd;
    this.headerLength = FileHeader.length(cipher != null);
  }

  /**
   * Opens the store in {@code directory}, creating the directory and an empty store if needed, and
   * recovers it (see {@link #recovery()}).
   *
   * @param key the AES key (128 or 256 bits) of an encrypted store, or null for a clear one. A new
   *     store is encrypted if and only if a key is given; an existing store must be opened the way
   *     it was created. An Android Keystore key must allow a caller-chosen nonce ({@code
   *     setRandomizedEncryptionRequired(false)}).
   * @throws StoreException with {@link StoreException.Code#WRONG_KEY}, {@code KEY_REQUIRED}, {@code
   *     NOT_ENCRYPTED}, {@code TAMPERED}, {@code CORRUPT}, {@code UNSUPPORTED_FORMAT}, {@code
   *     KEY_UNUSABLE} or {@code LOCKED}; no file has been changed then
   * @throws IOException if the disk fails
   * @throws IllegalArgumentException if {@code key} is not a 128- or 256-bit AES key
   */
  public static JournalStore open(File directory, @Nullable SecretKey key) throws IOException {
    Objects.requireNonNull(directory, "directory == null");
    FrameCipher cipher = key == null ? null : FrameCipher.create(key);
    createDirectoriesDurably(directory.getAbsoluteFile());
    FileChannel lockChannel = lock(directory);
    try {
      return recover(directory, cipher, lockChannel);
    } catch (Throwable t) {
      closeAfterFailure(lockChannel, t);
      throw t;
    }
  }

  /** Opens the store in {@code directory}; see {@link #open(File, SecretKey)}. */
  public static JournalStore open(Path directory, @Nullable SecretKey key) throws IOException {
    Objects.requireNonNull(directory, "directory == null");
    return open(directory.toFile(), key);
  }

  /** Returns what opening found and repaired. */
  public RecoveryReport recovery() {
    return recovery;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first call after open returns the bytes read at open (and the store lets go of them);
   * later calls read the snapshot file again, checked as at open.
   *
   * @throws StoreException {@code CORRUPT} or {@code TAMPERED} if the file changed under the store
   */
  @Override
  @Nullable
  public byte[] snapshot() throws IOException {
    checkOpen();
    if (!hasSnapshot) {
      return null;
    }
    byte[] opened = openedSnapshot;
    if (opened != null) {
      openedSnapshot = null;
      return opened;
    }
    return readSnapshot(directory, cipher, generation);
  }

  /** Reads and checks the snapshot file of {@code generation}. */
  private static byte[] readSnapshot(File directory, @Nullable FrameCipher cipher, long generation)
      throws IOException {
    File file = new File(directory, SNAPSHOT);
    byte[] data = Files.readAllBytes(file.toPath());
    FileHeader header = FileHeader.decode(data, file, FileHeader.KIND_SNAPSHOT, cipher);
    int frameLength = Frames.validFrameLength(data, header.length, data.length);
    if (header.generation != generation
        || frameLength < 0
        || header.length + frameLength != data.length) {
      throw new StoreException(
          StoreException.Code.CORRUPT,
          "The snapshot's frame is damaged or its generation "
              + header.generation
              + " is not "
              + generation
              + ".",
          file);
    }
    return unseal(
        cipher, data, header.length, frameLength, FileHeader.KIND_SNAPSHOT, generation, 0, file);
  }

  @Override
  public List<byte[]> transactions() {
    checkOpen();
    List<byte[]> copy = new ArrayList<>(transactions.size());
    for (byte[] transaction : transactions) {
      copy.add(transaction.clone());
    }
    return Collections.unmodifiableList(copy);
  }

  @Override
  public void commit(byte[] transaction) throws IOException {
    Objects.requireNonNull(transaction, "transaction == null");
    FileChannel channel = checkWritable();
    byte[] payload =
        cipher == null
            ? transaction
            : cipher.seal(
                transaction, aad(FileHeader.KIND_JOURNAL, generation, transactions.size()));
    byte[] frame = Frames.encode(payload);
    try {
      writeFully(channel, frame, journalEnd);
      channel.force(true);
    } catch (IOException e) {
      // The frame may be on disk whole, in part or not at all; a reopen decides (torn tail rule).
      failure = e;
      throw e;
    }
    journalEnd += frame.length;
    transactions.add(transaction.clone());
  }

  @Override
  public void compact(byte[] snapshot) throws IOException {
    Objects.requireNonNull(snapshot, "snapshot == null");
    FileChannel oldJournal = checkWritable();
    long next = generation + 1;
    byte[] header = FileHeader.encode(FileHeader.KIND_SNAPSHOT, next, cipher);
    byte[] payload =
        cipher == null ? snapshot : cipher.seal(snapshot, aad(FileHeader.KIND_SNAPSHOT, next, 0));
    File temporary = new File(directory, SNAPSHOT_TMP);
    try {
      writeDurably(temporary, header, Frames.encode(payload));
    } catch (IOException e) {
      // Nothing refers to the temporary file: the old snapshot and journal still hold the state.
      deleteAfterFailure(temporary, e);
      throw e;
    }
    try {
      // The rename is the commit point: a reopen reads the snapshot's generation and only that
      // generation's journal, so the old journal can never be replayed on the new snapshot.
      Files.move(
          temporary.toPath(),
          new File(directory, SNAPSHOT).toPath(),
          StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(directory);
      long previous = generation;
      this.generation = next;
      this.hasSnapshot = true;
      this.openedSnapshot = null;
      transactions.clear();
      journal = null;
      oldJournal.close();
      createJournal(directory, next, cipher);
      journal = openJournal(journalFile(directory, next));
      journalEnd = headerLength;
      Files.delete(journalFile(directory, previous).toPath());
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public long transactionBytes() {
    checkOpen();
    return journalEnd - headerLength;
  }

  /** Closes the files and releases the directory. Calling it again does nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    IOException first = null;
    FileChannel channel = journal;
    journal = null;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        first = e;
      }
    }
    try {
      lockChannel.close();
    } catch (IOException e) {
      if (first == null) {
        first = e;
      } else {
        first.addSuppressed(e);
      }
    }
    if (first != null) {
      throw first;
    }
  }

  File directory() {
    return directory;
  }

  long generation() {
    return generation;
  }

  File journalFile() {
    return journalFile(directory, generation);
  }

  static File journalFile(File directory, long generation) {
    return new File(directory, "journal-" + generation);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("store is closed: " + directory);
    }
  }

  private FileChannel checkWritable() throws StoreException {
    checkOpen();
    if (failure != null || journal == null) {
      throw new StoreException(
          StoreException.Code.NEEDS_REOPEN,
          "A write failed earlier: " + failure,
          directory,
          failure);
    }
    return journal;
  }

  private static JournalStore recover(
      File directory, @Nullable FrameCipher cipher, FileChannel lockChannel) throws IOException {
    File[] listing = directory.listFiles();
    if (listing == null) {
      throw new IOException("Cannot list the store directory " + directory);
    }
    List<File> stale = new ArrayList<>();
    TreeMap<Long, File> journals = new TreeMap<>();
    for (File file : listing) {
      String name = file.getName();
      Matcher journalName = JOURNAL.matcher(name);
      if (name.equals(SNAPSHOT_TMP) || JOURNAL_TMP.matcher(name).matches()) {
        stale.add(file);
      } else if (journalName.matches()) {
        journals.put(Long.parseLong(journalName.group(1)), file);
      }
    }

    // Read and check everything first: a failure below leaves every file as it was.
    long generation = 0;
    byte[] snapshot = null;
    File snapshotFile = new File(directory, SNAPSHOT);
    if (snapshotFile.exists()) {
      byte[] data = Files.readAllBytes(snapshotFile.toPath());
      FileHeader header = FileHeader.decode(data, snapshotFile, FileHeader.KIND_SNAPSHOT, cipher);
      int frameLength = Frames.validFrameLength(data, header.length, data.length);
      if (header.generation < 1 || frameLength < 0 || header.length + frameLength != data.length) {
        throw new StoreException(
            StoreException.Code.CORRUPT,
            "The snapshot's frame is damaged or its generation " + header.generation + " invalid.",
            snapshotFile);
      }
      generation = header.generation;
      snapshot =
          unseal(
              cipher,
              data,
              header.length,
              frameLength,
              FileHeader.KIND_SNAPSHOT,
              generation,
              0,
              snapshotFile);
    }
    for (Map.Entry<Long, File> entry : journals.entrySet()) {
      if (entry.getKey() < generation) {
        stale.add(entry.getValue()); // already folded into the snapshot
      } else if (entry.getKey() > generation) {
        // Only a lost snapshot (or a restore of an older one) leaves a newer journal behind.
        File file = entry.getValue();
        byte[] data = Files.readAllBytes(file.toPath());
        FileHeader header = FileHeader.decode(data, file, FileHeader.KIND_JOURNAL, cipher);
        if (data.length > header.length) {
          throw new StoreException(
              StoreException.Code.CORRUPT,
              "The journal of generation "
                  + entry.getKey()
                  + " holds transactions but the snapshot is "
                  + (generation == 0 ? "missing." : "of generation " + generation + "."),
              file);
        }
        stale.add(file);
      }
    }

    File journalFile = journalFile(directory, generation);
    byte[] data = journalFile.exists() ? Files.readAllBytes(journalFile.toPath()) : null;
    List<byte[]> transactions = new ArrayList<>();
    int goodEnd = FileHeader.length(cipher != null);
    boolean damaged = false;
    if (data != null) {
      FileHeader header = FileHeader.decode(data, journalFile, FileHeader.KIND_JOURNAL, cipher);
      if (header.generation != generation) {
        throw new StoreException(
            StoreException.Code.CORRUPT,
            "The header says generation " + header.generation + ", the name " + generation + ".",
            journalFile);
      }
      goodEnd = header.length;
      while (true) {
        int frameLength = Frames.validFrameLength(data, goodEnd, data.length);
        if (frameLength < 0) {
          break;
        }
        transactions.add(
            unseal(
                cipher,
                data,
                goodEnd,
                frameLength,
                FileHeader.KIND_JOURNAL,
                generation,
                transactions.size(),
                journalFile));
        goodEnd += frameLength;
      }
      damaged =
          goodEnd < data.length && Frames.findValidFrameAfter(data, goodEnd, data.length) >= 0;
    }

    // Repair. A damaged journal is copied whole before its tail is cut, so nothing is lost.
    File damagedCopy = null;
    if (damaged) {
      damagedCopy = damagedCopyName(journalFile);
      writeDurably(damagedCopy, data);
      syncDirectory(directory);
    }
    if (data == null) {
      createJournal(directory, generation, cipher);
    } else if (goodEnd < data.length) {
      try (FileChannel channel = FileChannel.open(journalFile.toPath(), StandardOpenOption.WRITE)) {
        channel.truncate(goodEnd);
        channel.force(true);
      }
    }
    FileChannel journal = openJournal(journalFile);
    try {
      for (File file : stale) {
        Files.deleteIfExists(file.toPath());
      }
    } catch (Throwable t) {
      closeAfterFailure(journal, t);
      throw t;
    }
    RecoveryReport report =
        new RecoveryReport(
            generation,
            transactions.size(),
            data == null ? 0 : data.length - goodEnd,
            damaged ? goodEnd : -1,
            damagedCopy);
    return new JournalStore(
        directory,
        cipher,
        lockChannel,
        report,
        generation,
        snapshot,
        transactions,
        journal,
        goodEnd);
  }

  private static byte[] unseal(
      @Nullable FrameCipher cipher,
      byte[] data,
      int frameOffset,
      int frameLength,
      byte kind,
      long generation,
      long index,
      File file)
      throws StoreException {
    int offset = frameOffset + Frames.PREFIX_LENGTH;
    int length = frameLength - Frames.PREFIX_LENGTH;
    if (cipher == null) {
      return Arrays.copyOfRange(data, offset, offset + length);
    }
    try {
      return cipher.open(data, offset, length, aad(kind, generation, index));
    } catch (BadPaddingException e) {
      // The header's key check passed, so the key is right and the checksum matched: the bytes
      // were changed on purpose. Never cut here; the user's data would go with them.
      throw new StoreException(
          StoreException.Code.TAMPERED,
          "Frame " + index + " at offset " + frameOffset + " does not authenticate.",
          file,
          e);
    }
  }

  /** The associated data of a sealed frame: file kind, generation and frame index. */
  private static byte[] aad(byte kind, long generation, long index) {
    byte[] aad = new byte[17];
    aad[0] = kind;
    Frames.writeLong(aad, 1, generation);
    Frames.writeLong(aad, 9, index);
    return aad;
  }

  private static File damagedCopyName(File journal) {
    for (int n = 1; ; n++) {
      File candidate = new File(journal.getParentFile(), journal.getName() + ".damaged-" + n);
      if (!candidate.exists()) {
        return candidate;
      }
    }
  }

  /** Creates an empty journal durably: written to a temporary file, fsynced, then renamed. */
  private static void createJournal(File directory, long generation, @Nullable FrameCipher cipher)
      throws IOException {
    File journal = journalFile(directory, generation);
    File temporary = new File(directory, journal.getName() + ".tmp");
    writeDurably(temporary, FileHeader.encode(FileHeader.KIND_JOURNAL, generation, cipher));
    Files.move(temporary.toPath(), journal.toPath(), StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(directory);
  }

  private static FileChannel openJournal(File journal) throws IOException {
    return FileChannel.open(journal.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static void writeDurably(File file, byte[]... parts) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file.toPath(),
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      long position = 0;
      for (byte[] part : parts) {
        writeFully(channel, part, position);
        position += part.length;
      }
      channel.force(true);
    }
  }

  private static void writeFully(FileChannel channel, byte[] bytes, long position)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
  }

  /**
   * Makes renames and new names in {@code directory} durable. Where the platform cannot open a
   * directory (Windows) the open fails and there is nothing to sync; a failing sync is an error.
   */
  static void syncDirectory(File directory) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(directory.toPath(), StandardOpenOption.READ);
    } catch (IOException platformCannotOpenDirectories) {
      return;
    }
    try (FileChannel c = channel) {
      c.force(true);
    }
  }

  /** Creates {@code directory} and its missing parents, and makes their names durable. */
  private static void createDirectoriesDurably(File directory) throws IOException {
    if (directory.isDirectory()) {
      return;
    }
    File existing = directory.getParentFile();
    while (existing != null && !existing.isDirectory()) {
      existing = existing.getParentFile();
    }
    Files.createDirectories(directory.toPath());
    for (File parent = directory.getParentFile(); parent != null; parent = parent.getParentFile()) {
      syncDirectory(parent);
      if (parent.equals(existing)) {
        break;
      }
    }
  }

  private static FileChannel lock(File directory) throws IOException {
    FileChannel channel =
        FileChannel.open(
            new File(directory, LOCK).toPath(),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      StoreException locked =
          new StoreException(
              StoreException.Code.LOCKED, "This process has the store open already.", directory, e);
      closeAfterFailure(channel, locked);
      throw locked;
    } catch (Throwable t) {
      closeAfterFailure(channel, t);
      throw t;
    }
    if (lock == null) {
      StoreException locked =
          new StoreException(
              StoreException.Code.LOCKED, "Another process has the store open.", directory);
      closeAfterFailure(channel, locked);
      throw locked;
    }
    return channel;
  }

  private static void closeAfterFailure(FileChannel channel, Throwable failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private static void deleteAfterFailure(File file, Throwable failure) {
    try {
      Files.deleteIfExists(file.toPath());
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
