package io.fathom.engine;

import io.fathom.engine.JvmOptions.Option;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class JvmOptionsTest
{
    private static final Module UNNAMED = JvmOptionsTest.class.getModule();

    @Test
    void messageNamesTheMissingOptionsThenGivesEveryRequiredOptionOnOneLine()
    {
        final List<Option> missing = List.of(JvmOptions.REQUIRED.get(0), JvmOptions.REQUIRED.get(3));

        final String message = JvmOptions.message(missing, JvmOptions.REQUIRED);

        final String[] lines = message.split(System.lineSeparator());
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
            .contains("(--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED, --add-opens=java.base/java.lang.reflect=ALL-UNNAMED)")
            .doesNotContain("jdk.internal.ref")
            .doesNotContain("sun.nio.ch");
        assertThat(lines[1]).isEqualTo(
            "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED " +
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED " +
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED " +
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED");
    }

    @Test
    void requiredOptionsAreAmongThoseTheBuildPassesToTests()
    {
        // surefire runs with the root pom's fathom.jvm.opens, so nothing required may be missing here
        assertThat(JvmOptions.missing(JvmOptions.REQUIRED, UNNAMED)).isEmpty();
        assertThatCode(JvmOptions::check).doesNotThrowAnyException();
    }

    @Test
    void findsAnExportOrOpeningThisJvmDoesNotGrant()
    {
        final Option notExported = new Option(false, "java.base", "jdk.internal.math");
        final Option notOpened = new Option(true, "java.base", "java.time");
        final Option noSuchModule = new Option(false, "no.such.module", "some.pkg");
        final Option exportedToAll = new Option(false, "java.base", "java.util");

        assertThat(JvmOptions.missing(List.of(notExported, notOpened, noSuchModule, exportedToAll), UNNAMED))
            .containsExactly(notExported, notOpened, noSuchModule);
    }

    @Test
    void writesEachOptionAsTheJavaCommandLineTakesIt()
    {
        assertThat(new Option(true, "java.base", "java.lang.reflect").commandLine())
            .isEqualTo("--add-opens=java.base/java.lang.reflect=ALL-UNNAMED");
        assertThat(new Option(false, "java.base", "jdk.internal.ref").commandLine())
            .isEqualTo("--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED");
    }
}
