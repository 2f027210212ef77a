import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/// Build step of the command line jar (run by the `package` phase,
/// `java UpgradeClassFiles.java JAR PREFIX...`): rewrites every class file under the PREFIXes
/// (`picocli/`) that is older than Java 6 (class file version 49 and below: picocli is compiled for
/// Java 5) as a Java 8 class file (version 52), with the stack maps that version requires generated
/// from the code (the JDK's class-file API). The code itself is unchanged.
///
/// Why: the JDK's start-up cache (AOT cache, JEP 483) keeps no class older than version 50 ("Old
/// class has been linked"), so every run loaded, verified with the old verifier and set up
/// picocli's 175 classes afresh: 0.3 s of every command's start-up on the build machine. A class
/// the rewrite cannot handle (or whose result the API's verifier rejects) is left as it was.
public final class UpgradeClassFiles {
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        List<String> prefixes = List.of(args).subList(1, args.length);
        Map<String, Integer> upgraded = new TreeMap<>();
        int kept = 0;
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
             URLClassLoader loader = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            // the types of the jar's classes, for the stack maps' merges, are read from the jar
            ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                    .orElse(ClassHierarchyResolver.ofResourceParsing(loader))), ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
            List<Path> classes;
            try (var files = Files.walk(fs.getPath("/"))) {
                classes = files.filter(p -> p.toString().endsWith(".class")
                        && prefixes.stream().anyMatch(prefix -> p.toString().startsWith("/" + prefix))).toList();
            }
            for (Path p : classes) {
                byte[] bytes = Files.readAllBytes(p);
                ClassModel model = cf.parse(bytes);
                if (model.majorVersion() >= ClassFile.JAVA_6_VERSION) {
                    continue;
                }
                try {
                    byte[] out = cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                            .andThen((builder, element) -> {
                                if (element instanceof ClassFileVersion) {
                                    builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
                                } else {
                                    builder.with(element);
                                }
                            }));
                    List<VerifyError> errors = cf.verify(out);
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException(errors.getFirst().getMessage());
                    }
                    Files.write(p, out);
                    String name = p.toString().substring(1);
                    upgraded.merge(name.contains("/") ? name.substring(0, name.indexOf('/')) : name, 1, Integer::sum);
                } catch (RuntimeException e) {
                    System.err.println("UpgradeClassFiles: kept " + p + " as it was: " + e.getMessage());
                    kept++;
                }
            }
        }
        System.out.println("UpgradeClassFiles: " + jar.getFileName() + ": class files rewritten for Java 8 " + upgraded
                + (kept > 0 ? ", " + kept + " kept as they were" : ""));
    }
}
