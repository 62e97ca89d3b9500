import ConvMatrix
print("convmat")
