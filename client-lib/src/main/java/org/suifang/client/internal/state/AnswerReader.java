package org.suifang.client.internal.state;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;
import org.suifang.client.VisitForm;
import org.suifang.client.internal.Json;
import org.suifang.client.internal.net.ChangeWire;
import org.suifang.client.internal.net.SyncResponse;

/**
 * Reads a sync answer in one streaming pass straight into typed records, checking each change row
 * as {@link ClientState#validate(SyncResponse)} does: the same {@link SyncResponse} as Gson's tree
 * and that check make, without the tree (docs/performance.md, "Client: apply"). The rows' {@code
 * data} objects become {@link ChangeWire#parsed} records and no trees; the answer keeps its text
 * ({@link SyncResponse#json}), which the journal stores as received.
 *
 * <p>Only the usual shape is read here: strict JSON, each row's {@code id} and {@code type} before
 * its {@code data}, labels whose code is a string. Anything else (a malformed answer, a row that
 * fails the check, an unusual shape) returns null, and the caller reads the answer the general way
 * ({@code Answer.as} then {@code validate}), which makes the error it always made or accepts what
 * it always accepted. So this reader may refuse what the general way accepts, never the reverse.
 */
public final class AnswerReader {

  /** Envelopes: {@link Json#GSON} with this class's reader for the change rows. */
  private static final Gson ENVELOPE =
      Json.GSON.newBuilder().registerTypeAdapter(ChangeWire.class, new RowAdapter()).create();

  private static final TypeAdapter<SyncResponse> RESPONSE = ENVELOPE.getAdapter(SyncResponse.class);
  private static final TypeAdapter<PatientData> PATIENT = Json.GSON.getAdapter(PatientData.class);
  private static final TypeAdapter<ConflictData> CONFLICT =
      Json.GSON.getAdapter(ConflictData.class);
  private static final TypeAdapter<VisitForm> FORM = Json.GSON.getAdapter(VisitForm.class);
  private static final TypeAdapter<AssessmentData> ASSESSMENT =
      Json.GSON.getAdapter(AssessmentData.class);
  private static final TypeAdapter<JsonElement> TREE = Json.GSON.getAdapter(JsonElement.class);

  private AnswerReader() {}

  /**
   * Returns the answer {@code text} read and checked, or null when it is not of the usual shape or
   * fails a check (then read it the general way, which says why).
   */
  @Nullable
  public static SyncResponse read(String text) {
    try {
      JsonReader in = new JsonReader(new StringReader(text));
      in.setStrictness(Strictness.STRICT);
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        return null;
      }
      SyncResponse r = RESPONSE.read(in);
      if (r == null || in.peek() != JsonToken.END_DOCUMENT) {
        return null;
      }
      r.json = text;
      return r;
    } catch (IOException | RuntimeException e) {
      // Read again the general way, which makes the error (or accepts an unusual shape).
      return null;
    }
  }

  /** Thrown for a shape this reader leaves to the general way. */
  private static IllegalStateException unusual(String what) {
    return new IllegalStateException("not the usual shape: " + what);
  }

  /** Reads one change row as Gson would into a {@link ChangeWire}, its data as a record. */
  private static final class RowAdapter extends TypeAdapter<ChangeWire> {
    @Override
    public void write(JsonWriter out, ChangeWire value) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public ChangeWire read(JsonReader in) throws IOException {
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        throw unusual("a row that is not an object");
      }
      ChangeWire c = new ChangeWire();
      boolean dataSeen = false;
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        switch (name) {
          case "seq":
            if (in.peek() != JsonToken.NUMBER) {
              throw unusual("seq");
            }
            c.seq = in.nextLong();
            break;
          case "type":
            if (dataSeen || in.peek() != JsonToken.STRING) {
              throw unusual("type");
            }
            c.type = in.nextString();
            break;
          case "id":
            if (dataSeen || in.peek() != JsonToken.STRING) {
              throw unusual("id");
            }
            c.id = UUID.fromString(in.nextString());
            break;
          case "data":
            if (dataSeen || c.type == null || c.id == null) {
              throw unusual("data");
            }
            dataSeen = true;
            data(in, c);
            break;
          default:
            in.skipValue();
            break;
        }
      }
      in.endObject();
      if (c.type == null || c.id == null) {
        throw unusual("a row without id or type");
      }
      if (ClientState.isKnownType(c.type) && c.parsed == null) {
        throw unusual("a row without data");
      }
      return c;
    }

    private static void data(JsonReader in, ChangeWire c) throws IOException {
      String type = c.type;
      UUID id = c.id;
      if (type == null || id == null) {
        throw unusual("data");
      }
      if (!ClientState.isKnownType(type)) {
        // Skipped when applied (a newer server's type); the journal keeps it in the text.
        in.skipValue();
        return;
      }
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        throw unusual("data that is not an object");
      }
      switch (type) {
        case "PATIENT":
          PatientData p = PATIENT.read(in);
          ClientState.check(p);
          c.parsed = p;
          break;
        case "FOLLOW_UP":
          VisitData v = new VisitData();
          v.form = FORM.read(new RecordReader(in, FORM_LABELS, FORM_LABEL_LISTS, v, id));
          ClientState.check(v);
          c.parsed = v;
          break;
        default:
          ConflictData conflict = CONFLICT.read(in);
          ClientState.check(conflict);
          c.parsed = conflict;
          break;
      }
    }
  }

  /** The coded members of a form that may come as label objects, alone or in an array. */
  private static final List<String> FORM_LABELS = Arrays.asList("classificationOverride");

  private static final List<String> FORM_LABEL_LISTS =
      Arrays.asList("symptoms", "reportedDangerSigns");

  /** The same for an assessment. */
  private static final List<String> ASSESSMENT_LABELS = Arrays.asList("classification", "nextStep");

  private static final List<String> ASSESSMENT_LABEL_LISTS = Arrays.asList("dangerSigns");

  /**
   * An object of a {@code FOLLOW_UP} row's data as {@link VisitData#fromWire} sees it, for Gson's
   * reader of its class: label objects of the coded members read as their codes. For the data
   * itself, read as a {@link VisitForm}, also the server's own members (which the form does not
   * have, so Gson skips them) read into the record instead of skipped, and the row's id added when
   * the data has none.
   */
  private static final class RecordReader extends JsonReader {
    private static final Reader NOTHING = new StringReader("");

    private final JsonReader in;
    private final List<String> labels;
    private final List<String> labelLists;

    /** The record whose server members to read, and the row's id; null for an assessment. */
    @Nullable private final VisitData v;

    @Nullable private final UUID rowId;

    /** 1 inside the data object, more inside its members. */
    private int depth;

    /** The last member name of the data object. */
    @Nullable private String member;

    /** Whether the data object's last {@code id} member was not null. */
    private boolean hasId;

    /** 0: no id added; 1: its name is next; 2: its value is next; 3: added. */
    private int addedId;

    /** A label's code read in place of the label object: a string, or JSON null. */
    @Nullable private JsonElement code;

    RecordReader(
        JsonReader in,
        List<String> labels,
        List<String> labelLists,
        @Nullable VisitData v,
        @Nullable UUID rowId) {
      super(NOTHING);
      this.in = in;
      this.labels = labels;
      this.labelLists = labelLists;
      this.v = v;
      this.rowId = rowId;
    }

    /** Whether a value here may be a label object ({@code {"code": …}}) to read as its code. */
    private boolean atLabel() {
      return member != null
          && ((depth == 1 && labels.contains(member))
              || (depth == 2 && labelLists.contains(member)));
    }

    @Override
    public JsonToken peek() throws IOException {
      if (addedId == 1) {
        return JsonToken.NAME;
      }
      if (addedId == 2) {
        return JsonToken.STRING;
      }
      if (code != null) {
        return code.isJsonNull() ? JsonToken.NULL : JsonToken.STRING;
      }
      JsonToken t = in.peek();
      if (t == JsonToken.BEGIN_OBJECT && atLabel()) {
        JsonElement label = TREE.read(in);
        JsonElement c = label.getAsJsonObject().get("code");
        if (c == null || !(c.isJsonNull() || isString(c))) {
          throw unusual("a label without a string code");
        }
        code = c;
        return c.isJsonNull() ? JsonToken.NULL : JsonToken.STRING;
      }
      if (t == JsonToken.END_OBJECT && depth == 1 && rowId != null && !hasId && addedId == 0) {
        addedId = 1;
        return JsonToken.NAME;
      }
      return t;
    }

    private static boolean isString(JsonElement e) {
      return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    @Override
    public boolean hasNext() throws IOException {
      JsonToken t = peek();
      return t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && t != JsonToken.END_DOCUMENT;
    }

    @Override
    public String nextName() throws IOException {
      if (addedId == 1) {
        addedId = 2;
        member = "id";
        return "id";
      }
      if (addedId != 0 || code != null) {
        throw unusual("a name");
      }
      String name = in.nextName();
      if (depth == 1) {
        member = name;
        if (name.equals("id")) {
          hasId = in.peek() != JsonToken.NULL;
        }
      }
      return name;
    }

    @Override
    public String nextString() throws IOException {
      if (addedId == 2 && rowId != null) {
        addedId = 3;
        return rowId.toString();
      }
      JsonElement c = code;
      if (c != null) {
        if (c.isJsonNull()) {
          throw unusual("a null code read as a string");
        }
        code = null;
        return c.getAsString();
      }
      return in.nextString();
    }

    @Override
    public void nextNull() throws IOException {
      JsonElement c = code;
      if (c != null) {
        if (!c.isJsonNull()) {
          throw unusual("a code read as null");
        }
        code = null;
        return;
      }
      plain();
      in.nextNull();
    }

    @Override
    public void skipValue() throws IOException {
      if (addedId == 2 || code != null) {
        throw unusual("a skipped value");
      }
      if (depth == 1 && member != null && readServerMember(member)) {
        return;
      }
      in.skipValue();
    }

    /** Reads a member of the server's (not the form's) into the record, as fromWire does. */
    private boolean readServerMember(String name) throws IOException {
      VisitData v = this.v;
      if (v == null) {
        return false;
      }
      switch (name) {
        case "patientId":
          v.patientId = uuid();
          return true;
        case "doctorId":
          v.doctorId = uuid();
          return true;
        case "amends":
          v.amends = uuid();
          return true;
        case "voidedBy":
          v.voidedBy = uuid();
          return true;
        case "receivedAt":
          v.receivedAt = Json.instant(string());
          return true;
        case "voidedAt":
          v.voidedAt = Json.instant(string());
          return true;
        case "amendReason":
          JsonPrimitive amendReason = string();
          v.amendReason = amendReason == null ? null : amendReason.getAsString();
          return true;
        case "voidReason":
          JsonPrimitive voidReason = string();
          v.voidReason = voidReason == null ? null : voidReason.getAsString();
          return true;
        case "assessmentMismatch":
          if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            v.assessmentMismatch = false;
          } else {
            in.skipValue();
            v.assessmentMismatch = true;
          }
          return true;
        case "assessment":
          v.assessment = assessment();
          return true;
        case "warnings":
          v.warnings = VisitData.warnings(TREE.read(in));
          return true;
        default:
          return false;
      }
    }

    /** The assessment, its labels read as their codes, as {@link VisitData#assessment} does. */
    @Nullable
    private AssessmentData assessment() throws IOException {
      JsonToken t = in.peek();
      if (t == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      if (t != JsonToken.BEGIN_OBJECT) {
        throw unusual("an assessment that is not an object");
      }
      return ASSESSMENT.read(
          new RecordReader(in, ASSESSMENT_LABELS, ASSESSMENT_LABEL_LISTS, null, null));
    }

    /** A string member, or null for JSON null; anything else is left to the general way. */
    @Nullable
    private JsonPrimitive string() throws IOException {
      JsonToken t = in.peek();
      if (t == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      if (t != JsonToken.STRING) {
        throw unusual("a string member");
      }
      return new JsonPrimitive(in.nextString());
    }

    @Nullable
    private UUID uuid() throws IOException {
      JsonPrimitive s = string();
      return s == null ? null : UUID.fromString(s.getAsString());
    }

    /** Checks that no added id or code is waiting (it is read only as a name or a string). */
    private void plain() {
      if (addedId == 1 || addedId == 2 || code != null) {
        throw unusual("a value read as another type");
      }
    }

    @Override
    public void beginObject() throws IOException {
      plain();
      in.beginObject();
      depth++;
    }

    @Override
    public void endObject() throws IOException {
      if (addedId == 1 || addedId == 2) {
        throw unusual("the end of the data");
      }
      in.endObject();
      depth--;
    }

    @Override
    public void beginArray() throws IOException {
      plain();
      in.beginArray();
      depth++;
    }

    @Override
    public void endArray() throws IOException {
      plain();
      in.endArray();
      depth--;
    }

    @Override
    public boolean nextBoolean() throws IOException {
      plain();
      return in.nextBoolean();
    }

    @Override
    public double nextDouble() throws IOException {
      plain();
      return in.nextDouble();
    }

    @Override
    public long nextLong() throws IOException {
      plain();
      return in.nextLong();
    }

    @Override
    public int nextInt() throws IOException {
      plain();
      return in.nextInt();
    }

    @Override
    public String getPath() {
      return in.getPath();
    }

    @Override
    public String getPreviousPath() {
      return in.getPreviousPath();
    }

    @Override
    public void close() {
      // The row's reader goes on; it is closed by its owner.
    }

    @Override
    public String toString() {
      return "RecordReader at " + in.getPath();
    }
  }
}
