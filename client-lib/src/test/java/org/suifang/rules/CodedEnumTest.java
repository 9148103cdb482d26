package org.suifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The form codes and labels of the coded enums (domain.md §4.1–§4.3). */
class CodedEnumTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "VisitMode,           1, CLINIC,                     门诊",
    "VisitMode,           2, HOME,                       家庭",
    "VisitMode,           3, PHONE,                      电话",
    "Classification,      1, CONTROLLED,                 控制满意",
    "Classification,      2, UNCONTROLLED,               控制不满意",
    "Classification,      3, ADVERSE_REACTION,           不良反应",
    "Classification,      4, COMPLICATION,               并发症",
    "NextStep,            1, ROUTINE,                    常规随访",
    "NextStep,            2, FIRST_UNCONTROLLED_RECHECK, 第1次控制不满意2周随访",
    "NextStep,            3, REFERRAL,                   两次控制不满意转诊随访",
    "NextStep,            4, URGENT_REFERRAL,            紧急转诊",
    "HypertensionSymptom, 1, NONE,                       无症状",
    "HypertensionSymptom, 2, HEADACHE_DIZZINESS,         头痛头晕",
    "HypertensionSymptom, 3, NAUSEA_VOMITING,            恶心呕吐",
    "HypertensionSymptom, 4, BLURRED_VISION_TINNITUS,    眼花耳鸣",
    "HypertensionSymptom, 5, DYSPNOEA,                   呼吸困难",
    "HypertensionSymptom, 6, PALPITATIONS_CHEST_TIGHTNESS, 心悸胸闷",
    "HypertensionSymptom, 7, EPISTAXIS,                  鼻衄出血不止",
    "HypertensionSymptom, 8, LIMB_NUMBNESS,              四肢发麻",
    "HypertensionSymptom, 9, LEG_OEDEMA,                 下肢水肿",
    "DiabetesSymptom,     1, NONE,                       无症状",
    "DiabetesSymptom,     2, POLYDIPSIA,                 多饮",
    "DiabetesSymptom,     3, POLYPHAGIA,                 多食",
    "DiabetesSymptom,     4, POLYURIA,                   多尿",
    "DiabetesSymptom,     5, BLURRED_VISION,             视力模糊",
    "DiabetesSymptom,     6, INFECTION,                  感染",
    "DiabetesSymptom,     7, NUMB_HANDS_FEET,            手脚麻木",
    "DiabetesSymptom,     8, LEG_OEDEMA,                 下肢浮肿",
    "DiabetesSymptom,     9, MARKED_WEIGHT_LOSS,         体重明显下降",
  })
  void ofCode_formCode_returnsConstantWithLabel(
      String type, int code, String name, String labelZh) {
    Object constant;
    String actualZh;
    String actualEn;
    switch (type) {
      case "VisitMode":
        VisitMode mode = VisitMode.ofCode(code);
        constant = mode;
        actualZh = mode.labelZh();
        actualEn = mode.labelEn();
        assertThat(mode.code()).isEqualTo(code);
        break;
      case "Classification":
        Classification classification = Classification.ofCode(code);
        constant = classification;
        actualZh = classification.labelZh();
        actualEn = classification.labelEn();
        assertThat(classification.code()).isEqualTo(code);
        break;
      case "NextStep":
        NextStep step = NextStep.ofCode(code);
        constant = step;
        actualZh = step.labelZh();
        actualEn = step.labelEn();
        assertThat(step.code()).isEqualTo(code);
        break;
      case "HypertensionSymptom":
        HypertensionSymptom htn = HypertensionSymptom.ofCode(code);
        constant = htn;
        actualZh = htn.labelZh();
        actualEn = htn.labelEn();
        assertThat(htn.code()).isEqualTo(code);
        break;
      case "DiabetesSymptom":
        DiabetesSymptom dm = DiabetesSymptom.ofCode(code);
        constant = dm;
        actualZh = dm.labelZh();
        actualEn = dm.labelEn();
        assertThat(dm.code()).isEqualTo(code);
        break;
      default:
        throw new AssertionError(type);
    }

    assertThat(((Enum<?>) constant).name()).isEqualTo(name);
    assertThat(actualZh).isEqualTo(labelZh);
    assertThat(actualEn).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10, -1, 99})
  void ofCode_unknownCode_throws(int code) {
    assertThatThrownBy(() -> Classification.ofCode(5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VisitMode.ofCode(4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Classification.ofCode(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(code));
    assertThatThrownBy(() -> NextStep.ofCode(code)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VisitMode.ofCode(code)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HypertensionSymptom.ofCode(code))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DiabetesSymptom.ofCode(code))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isFaceToFace_phoneIsNot() {
    assertThat(VisitMode.CLINIC.isFaceToFace()).isTrue();
    assertThat(VisitMode.HOME.isFaceToFace()).isTrue();
    assertThat(VisitMode.PHONE.isFaceToFace()).isFalse();
  }

  @Test
  void severityAndDemand_followTheCodes() {
    assertThat(Classification.COMPLICATION.isMoreSevereThan(Classification.ADVERSE_REACTION))
        .isTrue();
    assertThat(Classification.CONTROLLED.isMoreSevereThan(Classification.CONTROLLED)).isFalse();
    assertThat(NextStep.URGENT_REFERRAL.isMoreDemandingThan(NextStep.REFERRAL)).isTrue();
    assertThat(NextStep.ROUTINE.isMoreDemandingThan(NextStep.FIRST_UNCONTROLLED_RECHECK)).isFalse();
  }
}
